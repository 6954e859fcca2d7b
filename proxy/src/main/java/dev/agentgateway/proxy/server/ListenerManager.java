package dev.agentgateway.proxy.server;

import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendTls;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.proxy.frontend.FrontendIndex;
import dev.agentgateway.proxy.frontend.TcpOptions;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.tls.ServerTls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Helidon server per bind (all interfaces, the bind's port, HTTP/1.1 plus HTTP/2 by h2c upgrade
 * or prior knowledge, one virtual thread per connection), reconciled with every config: new ports
 * are opened, removed ports are stopped gracefully, unchanged ports are left alone.
 *
 * <p>Servers are keyed by port, because the proxy handler of a port reads that port's route table.
 * Downstream limits ({@code frontendPolicies.http}) are applied when a port is opened.
 */
public final class ListenerManager implements AutoCloseable {
  /** Request header bytes (request line included) when the config sets no limit. */
  static final int DEFAULT_MAX_HEADER_SIZE = 16 * 1024;

  private static final Logger LOG = Logger.getLogger(ListenerManager.class.getName());

  private final BindHandlerFactory handlers;
  private final BindCustomizer customizer;
  private final Drain drain;
  private final Function<String, LongAdder> connectionCounter;
  private final Duration removedPortGrace;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Integer, Running> servers = new HashMap<>();

  /**
   * @param handlers creates the request handler of each bind
   * @param customizer last say on each bind's server config (the WebSocket upgrade hook)
   * @param drain counts requests in flight and gates new connections during shutdown
   * @param connectionCounter the accepted-connection counter of a bind key
   * @param removedPortGrace how long busy connections may take to finish when a port is stopped
   *     (Helidon's listener shutdown grace period)
   */
  public ListenerManager(
      BindHandlerFactory handlers,
      BindCustomizer customizer,
      Drain drain,
      Function<String, LongAdder> connectionCounter,
      Duration removedPortGrace) {
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.customizer = Objects.requireNonNull(customizer, "customizer");
    this.drain = Objects.requireNonNull(drain, "drain");
    this.connectionCounter = Objects.requireNonNull(connectionCounter, "connectionCounter");
    this.removedPortGrace = Objects.requireNonNull(removedPortGrace, "removedPortGrace");
  }

  /**
   * Opens every bind of {@code config} that is not open yet. All or nothing: when one port fails,
   * the ports opened by this call are closed again and the failure names the bind and port.
   */
  public void open(GatewayConfig config) throws BindFailedException {
    lock.lock();
    try {
      List<Integer> openedNow = new ArrayList<>();
      for (Bind bind : config.binds()) {
        if (servers.containsKey(bind.port())) {
          continue;
        }
        try {
          servers.put(bind.port(), start(bind, config));
          openedNow.add(bind.port());
        } catch (RuntimeException e) {
          for (Integer port : openedNow) {
            stopQuietly(servers.remove(port));
          }
          throw new BindFailedException(bind, e);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Brings the open ports in line with {@code state}: opens missing binds (logging any that fail)
   * and stops ports that are no longer configured, in the background, letting requests in flight
   * finish within the grace period. Meant for {@code StateHolder.onChange}.
   */
  public void reconcile(ProxyState state) {
    GatewayConfig config = state.config();
    List<Running> removed = new ArrayList<>();
    lock.lock();
    try {
      Set<Integer> wanted = new HashSet<>();
      for (Bind bind : config.binds()) {
        wanted.add(bind.port());
        Running running = servers.get(bind.port());
        if (running != null && !running.socket().equals(SocketSettings.of(bind, config))) {
          LOG.info(
              bind.key() + ": frontend http/tcp settings changed; restarting port " + bind.port());
          stopQuietly(servers.remove(bind.port()));
          running = null;
        }
        if (running != null && !updateTls(running, config)) {
          LOG.info(bind.key() + ": TLS settings changed; restarting port " + bind.port());
          stopQuietly(servers.remove(bind.port()));
        }
        if (!servers.containsKey(bind.port())) {
          try {
            servers.put(bind.port(), start(bind, config));
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, new BindFailedException(bind, e).getMessage());
          }
        }
      }
      servers.entrySet().removeIf(e -> !wanted.contains(e.getKey()) && removed.add(e.getValue()));
    } finally {
      lock.unlock();
    }
    for (Running r : removed) {
      LOG.info(r.bind().key() + ": port " + r.bind().port() + " removed from the config; closing");
      Thread.ofVirtual().name("stop-port-" + r.bind().port()).start(() -> stopQuietly(r));
    }
  }

  /** True when every bind of {@code config} has a running server. */
  public boolean allBound(GatewayConfig config) {
    lock.lock();
    try {
      for (Bind bind : config.binds()) {
        Running r = servers.get(bind.port());
        if (r == null || !r.server().isRunning()) {
          return false;
        }
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Bind key to port of every open bind. */
  public Map<String, Integer> openPorts() {
    lock.lock();
    try {
      Map<String, Integer> ports = new LinkedHashMap<>();
      servers.values().stream()
          .sorted((a, b) -> Integer.compare(a.bind().port(), b.bind().port()))
          .forEach(r -> ports.put(r.bind().key(), r.server().port()));
      return ports;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops every server in parallel and waits at most {@code maxWait}: listen sockets close at once,
   * idle connections are closed and busy ones get the grace period to finish.
   */
  public void stopAll(Duration maxWait) {
    List<Running> all;
    lock.lock();
    try {
      all = new ArrayList<>(servers.values());
      servers.clear();
    } finally {
      lock.unlock();
    }
    List<Thread> stoppers = new ArrayList<>();
    for (Running r : all) {
      stoppers.add(
          Thread.ofVirtual().name("stop-port-" + r.bind().port()).start(() -> stopQuietly(r)));
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    for (Thread t : stoppers) {
      try {
        t.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stopAll(removedPortGrace);
  }

  /**
   * Gives a running port the certificates of {@code config}; false when its fixed TLS settings
   * (plain or TLS, versions, ciphers, client certificates, ALPN) changed, which needs a restart.
   */
  private static boolean updateTls(Running running, GatewayConfig config) {
    List<Listener> listeners = listenersOf(running.bind(), config);
    ServerTls.Settings wanted = ServerTls.settings(listeners);
    ServerTls current = running.tls();
    if (current == null || wanted == null) {
      return current == null && wanted == null;
    }
    if (!current.settings().equals(wanted)) {
      return false;
    }
    current.update(listeners);
    return true;
  }

  /**
   * The listeners of {@code bind}, with the TLS options of a frontend {@code tls} policy reaching
   * the bind in place of their own.
   */
  private static List<Listener> listenersOf(Bind bind, GatewayConfig config) {
    List<Listener> own =
        config.listeners().stream().filter(l -> l.bindKey().equals(bind.key())).toList();
    FrontendTls options = FrontendIndex.of(config).bind(bind.key()).tls();
    if (options == null) {
      return own;
    }
    return own.stream()
        .map(
            l ->
                l.tls() == null
                    ? l
                    : new Listener(
                        l.key(),
                        l.bindKey(),
                        l.name(),
                        l.hostname(),
                        l.protocol(),
                        options.applyTo(l.tls())))
        .toList();
  }

  /** What a bind's server is built with beyond TLS; a change needs a restart. */
  private record SocketSettings(FrontendHttp http, TcpKeepalive tcp) {
    static SocketSettings of(Bind bind, GatewayConfig config) {
      FrontendIndex index = FrontendIndex.of(config);
      return new SocketSettings(index.http(bind), index.bind(bind.key()).tcp());
    }
  }

  private Running start(Bind bind, GatewayConfig config) {
    SocketSettings socket = SocketSettings.of(bind, config);
    FrontendHttp http = socket.http();
    ServerTls tls = ServerTls.of(listenersOf(bind, config));
    int maxHeaderSize = http.maxHeaderSize() > 0 ? http.maxHeaderSize() : DEFAULT_MAX_HEADER_SIZE;
    WebServerConfig.Builder builder =
        WebServer.builder()
            .name(bind.key())
            .host("0.0.0.0")
            .port(bind.port())
            .shutdownHook(false)
            .shutdownGracePeriod(removedPortGrace)
            .idleConnectionTimeout(http.http1IdleTimeout())
            // Helidon leaves Nagle on: a streamed answer's last small write (an SSE response's
            // end) then waits ~40 ms for the client's delayed ACK.
            .connectionOptions(o -> TcpOptions.apply(o.tcpNoDelay(true), socket.tcp()))
            .addConnectionSelector(new ConnectionGate(connectionCounter.apply(bind.key()), drain))
            .addProtocol(
                Http1Config.builder()
                    .maxHeadersSize(maxHeaderSize)
                    .maxPrologueLength(maxHeaderSize)
                    .build())
            .addProtocol(http2(http, maxHeaderSize))
            .routing(
                r -> {
                  if (http.http1MaxHeaders() > 0) {
                    r.addFilter(new BindFilter(http.http1MaxHeaders()));
                  }
                  r.any(handlers.create(bind));
                });
    if (tls != null) {
      // Blocking sockets: the handshake timeout hooks the socket factory, which NIO bypasses.
      builder.tls(tls.helidonTls()).useNio(false);
    }
    customizer.customize(bind, builder);
    WebServer server = builder.build().start();
    if (!server.isRunning()) {
      // Helidon 4.5 logs a failed bind and returns a stopped server instead of throwing.
      throw new IllegalStateException(
          "listener did not start", PortProbe.whyNotBindable(bind.port()));
    }
    LOG.fine(bind.key() + ": listening on port " + server.port());
    return new Running(bind, server, tls, socket);
  }

  private static Http2Config http2(FrontendHttp http, int maxHeaderSize) {
    Http2Config.Builder h2 = Http2Config.builder().maxHeaderListSize(maxHeaderSize);
    if (http.http2WindowSize() > 0) {
      h2.initialWindowSize(http.http2WindowSize());
    }
    if (http.http2FrameSize() > 0) {
      h2.maxFrameSize(http.http2FrameSize());
    }
    return h2.build();
  }

  private static void stopQuietly(Running r) {
    if (r == null) {
      return;
    }
    try {
      r.server().stop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, r.bind().key() + ": error while closing port " + r.bind().port(), e);
    }
  }

  private record Running(Bind bind, WebServer server, ServerTls tls, SocketSettings socket) {}
}

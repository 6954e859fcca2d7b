package dev.agentgateway.proxy.admin;

import dev.agentgateway.model.config.HostPort;
import dev.agentgateway.proxy.server.PortProbe;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin, stats and readiness servers: one small Helidon server per distinct address (endpoints
 * configured on the same {@code host:port} share a server); an endpoint without an address is off.
 */
public final class ObservabilityServers implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ObservabilityServers.class.getName());

  private final Map<String, WebServer> byName;
  private final List<WebServer> servers;

  private ObservabilityServers(Map<String, WebServer> byName, List<WebServer> servers) {
    this.byName = byName;
    this.servers = servers;
  }

  /**
   * An endpoint group.
   *
   * @param name e.g. {@code admin}, for errors and {@link #port(String)}
   * @param address {@code host:port}, or {@code null} when off
   * @param service its routes
   */
  public record Endpoint(String name, String address, HttpService service) {}

  /** Starts a server for every address; throws naming the endpoint when one cannot listen. */
  public static ObservabilityServers start(List<Endpoint> endpoints) {
    Map<Object, List<Endpoint>> groups = new LinkedHashMap<>();
    Map<Object, HostPort> addresses = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      if (e.address() == null) {
        continue;
      }
      HostPort hp;
      try {
        // Port 0 is allowed here: tests and "any free port" configs use it.
        hp = HostPort.parse(e.address(), 0);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(e.name() + " address: " + ex.getMessage(), ex);
      }
      // Port 0 means "any free port": such endpoints never share a server.
      Object key = hp.port() == 0 ? new Object() : hp;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      addresses.putIfAbsent(key, hp);
    }
    Map<String, WebServer> byName = new LinkedHashMap<>();
    List<WebServer> servers = new ArrayList<>();
    try {
      for (Map.Entry<Object, List<Endpoint>> entry : groups.entrySet()) {
        List<Endpoint> group = entry.getValue();
        WebServer server = start(addresses.get(entry.getKey()), group);
        servers.add(server);
        group.forEach(e -> byName.put(e.name(), server));
      }
    } catch (RuntimeException e) {
      servers.forEach(WebServer::stop);
      throw e;
    }
    return new ObservabilityServers(byName, servers);
  }

  private static WebServer start(HostPort hp, List<Endpoint> group) {
    String names = String.join("+", group.stream().map(Endpoint::name).toList());
    WebServer server;
    try {
      server =
          WebServer.builder()
              .name(names)
              .host(hp.host())
              .port(hp.port())
              .shutdownHook(false)
              .shutdownGracePeriod(Duration.ofMillis(200))
              .routing(
                  r -> {
                    for (Endpoint e : group) {
                      r.register(e.service());
                    }
                  })
              .build()
              .start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          names + ": cannot listen on " + hp + ": " + rootMessage(e), e);
    }
    if (!server.isRunning()) {
      Exception why = PortProbe.whyNotBindable(hp.host(), hp.port());
      throw new IllegalStateException(
          names
              + ": cannot listen on "
              + hp
              + ": "
              + (why == null ? "see the log" : rootMessage(why)));
    }
    return server;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof java.net.BindException) {
      return "address already in use";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The bound port of endpoint {@code name}, or -1 when it is off. */
  public int port(String name) {
    WebServer server = byName.get(name);
    return server == null ? -1 : server.port();
  }

  @Override
  public void close() {
    for (WebServer s : servers) {
      try {
        s.stop();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "error while stopping an admin server", e);
      }
    }
  }

  @Override
  public String toString() {
    return "admin servers " + byName.keySet();
  }
}

package dev.agentgateway.proxy.websocket;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.routing.RouteSelection;
import dev.agentgateway.proxy.routing.RouteTable;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One upgrade request, from route selection to the end of the relayed session: connects to the
 * chosen backend, replays the handshake, and either tunnels bytes after a 101 or relays the
 * backend's other answer. The client connection closes when this ends.
 */
final class UpgradeRelay implements ServerConnection {
  private static final System.Logger LOGGER = System.getLogger(UpgradeRelay.class.getName());
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;
  private static final String PROTOCOL = "HTTP/1.1";

  private final ConnectionContext ctx;
  private final HttpPrologue prologue;
  private final WritableHeaders<?> headers;
  private final ProxyState state;
  private final int port;
  private final RequestObserver observer;
  private final Drain drain;
  private final UpgradeRequestView view;
  private final long started = System.nanoTime();
  private volatile Socket backend;
  private volatile Tunnel tunnel;
  private volatile boolean closed;

  UpgradeRelay(
      ConnectionContext ctx,
      HttpPrologue prologue,
      WritableHeaders<?> headers,
      ProxyState state,
      int port,
      RequestObserver observer,
      Drain drain) {
    this.ctx = ctx;
    this.prologue = prologue;
    this.headers = headers;
    this.state = state;
    this.port = port;
    this.observer = observer;
    this.drain = drain;
    this.view = new UpgradeRequestView(prologue, headers);
  }

  @Override
  public void handle(Limit limit) throws InterruptedException {
    drain.enter();
    Outcome outcome = new Outcome();
    try {
      relay(outcome);
    } finally {
      closeBackend();
      drain.exit();
      observer.requestDone(
          new RequestLog(
              view.method(),
              view.host(),
              view.path(),
              PROTOCOL,
              outcome.status,
              outcome.route,
              outcome.backend,
              System.nanoTime() - started,
              outcome.bytesIn,
              outcome.bytesOut,
              outcome.reason,
              0));
    }
  }

  private void relay(Outcome outcome) throws InterruptedException {
    RouteTable table = state.table(port);
    RouteSelection selection = table == null ? null : table.select(view);
    if (selection == null) {
      answer(outcome, Status.NOT_FOUND_404, "route not found");
      return;
    }
    outcome.route = selection.route().name();
    RouteBackend picked = selection.pickBackend(ThreadLocalRandom.current());
    if (picked == null) {
      answer(outcome, Status.SERVICE_UNAVAILABLE_503, "no backend");
      return;
    }
    if (!(picked.backend() instanceof Backend.Host host)) {
      answer(outcome, Status.SERVICE_UNAVAILABLE_503, "backend does not take WebSocket upgrades");
      return;
    }
    outcome.backend = host.name();
    Socket socket;
    try {
      socket = connect(host);
    } catch (IOException e) {
      answer(outcome, Status.BAD_GATEWAY_502, unreachable(host, e));
      return;
    }
    ResponseHead head;
    try {
      head = handshake(socket, host);
    } catch (SocketTimeoutException e) {
      answer(outcome, Status.GATEWAY_TIMEOUT_504, "backend did not answer the upgrade in time");
      return;
    } catch (ResponseHead.BadResponseException e) {
      answer(outcome, Status.BAD_GATEWAY_502, e.getMessage());
      return;
    } catch (IOException e) {
      answer(outcome, Status.BAD_GATEWAY_502, "backend connection failed during the upgrade");
      return;
    }
    outcome.status = head.status();
    if (head.status() == 101) {
      tunnel(outcome, socket, head);
    } else {
      relayAnswer(outcome, head);
    }
  }

  private Socket connect(Backend.Host host) throws IOException {
    long connectStart = System.nanoTime();
    Socket socket = new Socket();
    backend = socket;
    if (closed) {
      throw new IOException("server closing");
    }
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host.hostname(), host.port()), CONNECT_TIMEOUT_MILLIS);
    observer.upstreamConnected(host.name(), Duration.ofNanos(System.nanoTime() - connectStart));
    return socket;
  }

  /** Sends the upgrade request and reads the first final (or 101) response head. */
  private ResponseHead handshake(Socket socket, Backend.Host host) throws IOException {
    socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
    byte[] request =
        Heads.request(prologue, headers, host.authority(), clientAddress(), ctx.isSecure());
    socket.getOutputStream().write(request);
    ResponseHead head = ResponseHead.read(socket.getInputStream());
    // Interim answers (100, 103) are not for the client of a tunnel; a 101 or a final one follows.
    while (head.status() < 200 && head.status() != 101) {
      head = ResponseHead.read(head.rest());
    }
    socket.setSoTimeout(0);
    return head;
  }

  private void tunnel(Outcome outcome, Socket socket, ResponseHead head)
      throws InterruptedException {
    String requested = headers.get(HeaderNames.UPGRADE).get();
    try {
      ctx.dataWriter().writeNow(BufferData.create(Heads.switching(head, requested)));
    } catch (RuntimeException e) {
      outcome.reason = "client closed during handshake";
      return;
    }
    Tunnel pump = new Tunnel(ctx, socket, head.rest());
    tunnel = pump;
    if (closed) {
      pump.close();
    }
    pump.run();
    outcome.bytesIn = pump.bytesIn();
    outcome.bytesOut = pump.bytesOut();
  }

  private void relayAnswer(Outcome outcome, ResponseHead head) {
    OutputStream out = new BufferedOutputStream(new ClientOutput(ctx), 16 * 1024);
    try {
      out.write(Heads.relayed(head));
      outcome.bytesOut = new BodyRelay().copy(head, out);
      out.flush();
    } catch (IOException | RuntimeException e) {
      // The head may already be out, so the status stays; closing the connection ends the body.
      outcome.reason = e.getMessage() == null ? "relay failed" : e.getMessage();
    }
  }

  private void answer(Outcome outcome, Status status, String reason) {
    outcome.status = status.code();
    outcome.reason = reason;
    try {
      ctx.dataWriter().writeNow(BufferData.create(Heads.simple(status, reason)));
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "client gone before " + status.code());
    }
  }

  private static String unreachable(Backend.Host host, IOException e) {
    String why =
        switch (e) {
          case UnknownHostException u -> "unknown host";
          case ConnectException c -> "connection refused";
          case NoRouteToHostException n -> "no route to host";
          case SocketTimeoutException t -> "connect timed out";
          default -> "connection failed";
        };
    return "backend unreachable: " + host.authority() + ": " + why;
  }

  private String clientAddress() {
    SocketAddress address = ctx.remotePeer().address();
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return ctx.remotePeer().host();
  }

  private void closeBackend() {
    Socket socket = backend;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public Duration idleTime() {
    Tunnel pump = tunnel;
    return pump == null ? Duration.ofNanos(System.nanoTime() - started) : pump.idleTime();
  }

  /** Called by Helidon on shutdown or idle timeout; unblocks whatever is waiting on a socket. */
  @Override
  public void close(boolean interrupt) {
    closed = true;
    Tunnel pump = tunnel;
    if (pump != null) {
      pump.close();
    } else {
      closeBackend();
    }
  }

  /** What ended up happening, for the one access-log line. */
  private static final class Outcome {
    int status;
    String route = "";
    String backend = "";
    String reason = "";
    long bytesIn;
    long bytesOut;
  }

  /**
   * Writes straight to the client; {@code writeNow} is synchronous, so callers may reuse arrays.
   */
  private static final class ClientOutput extends OutputStream {
    private final ConnectionContext ctx;

    ClientOutput(ConnectionContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ctx.dataWriter().writeNow(BufferData.create(b, off, len));
    }
  }
}

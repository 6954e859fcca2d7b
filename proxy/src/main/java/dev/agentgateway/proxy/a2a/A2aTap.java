package dev.agentgateway.proxy.a2a;

import com.fasterxml.jackson.core.JsonFactory;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.telemetry.RequestLog;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The A2A handling of one request to an A2A backend: agent-card responses are rewritten to the
 * gateway's address, JSON-RPC calls have their method (peeked from the request body) and outcome
 * (read from the streaming response) logged. Forwarding itself stays the HTTP proxy's.
 */
public final class A2aTap implements ExchangeTap {
  /** Largest agent card rewritten; a larger one passes through untouched. */
  static final int MAX_CARD = 1 << 20;

  private static final JsonFactory JSON = new JsonFactory();

  private final A2aRequests.Kind kind;
  private final AgentCardRewriter card;
  private final long peekBytes;
  private String method;
  private ResponseInspector inspector;

  A2aTap(A2aRequests.Kind kind, AgentCardRewriter card, long peekBytes) {
    this.kind = kind;
    this.card = card;
    this.peekBytes = peekBytes;
  }

  /**
   * The tap for {@code req}, received at {@code path} and forwarded as {@code upstreamPath} to
   * {@code upstream} (a host or a Service); JSON-RPC bodies up to {@code maxBufferSize} bytes are
   * read before forwarding to find their method.
   */
  public static ExchangeTap create(
      ServerRequest req, String path, String upstreamPath, Backend upstream, long maxBufferSize) {
    String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null);
    A2aRequests.Kind kind = A2aRequests.classify(req.prologue().method().text(), path, contentType);
    return switch (kind) {
      case OTHER -> new A2aTap(kind, null, 0);
      case CALL -> new A2aTap(kind, null, maxBufferSize);
      case AGENT_CARD -> {
        String authority = req.headers().first(HeaderNames.HOST).orElse(null);
        AgentCardRewriter rewriter =
            authority == null || authority.isEmpty()
                ? null
                : AgentCardRewriter.create(
                    scheme(req), authority, path, upstreamPath, authorities(upstream));
        yield new A2aTap(kind, rewriter, 0);
      }
    };
  }

  /** The scheme the client used: a forwarding proxy's {@code X-Forwarded-Proto}, or ours. */
  private static String scheme(ServerRequest req) {
    return scheme(req.headers().first(HeaderNames.X_FORWARDED_PROTO).orElse(""), req.isSecure());
  }

  /** {@code forwarded}'s first value when it is http or https, else the connection's scheme. */
  static String scheme(String forwarded, boolean secure) {
    int comma = forwarded.indexOf(',');
    String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
    if (first.equalsIgnoreCase("https") || first.equalsIgnoreCase("http")) {
      return first.toLowerCase(Locale.ROOT);
    }
    return secure ? "https" : "http";
  }

  /** The names an agent behind {@code upstream} may give itself in its card. */
  static Set<String> authorities(Backend upstream) {
    Set<String> names = new LinkedHashSet<>();
    switch (upstream) {
      case Backend.Host host ->
          names.add(AgentCardRewriter.authority("http", host.hostname(), host.port()));
      case Backend.Service s -> {
        String base = s.serviceName() + "." + s.namespace();
        for (String name :
            List.of(s.serviceName(), base, base + ".svc", base + ".svc.cluster.local")) {
          names.add(AgentCardRewriter.authority("http", name, s.port()));
        }
      }
      default -> {
        // Only hosts and Services carry A2A; other kinds have no address of their own.
      }
    }
    return names;
  }

  @Override
  public long requestPeekBytes() {
    return peekBytes;
  }

  @Override
  public void requestBody(byte[] bytes, int length, boolean complete) {
    if (kind == A2aRequests.Kind.CALL) {
      method = A2aRequests.jsonRpcMethod(bytes, length);
    }
  }

  @Override
  public int responseStarted(int status, Headers headers) {
    String type = headers.first(HeaderNames.CONTENT_TYPE).orElse(null);
    if (kind == A2aRequests.Kind.CALL) {
      if (A2aRequests.isJson(type)) {
        inspector = new ResponseInspector(JSON, false);
      } else if (type != null && type.regionMatches(true, 0, "text/event-stream", 0, 17)) {
        inspector = new ResponseInspector(JSON, true);
      }
      return 0;
    }
    if (card == null || status != 200 || !A2aRequests.isJson(type)) {
      return 0;
    }
    String encoding = headers.first(HeaderNames.CONTENT_ENCODING).orElse("identity");
    long length = headers.contentLength().orElse(-1);
    return encoding.equalsIgnoreCase("identity") && length <= MAX_CARD ? MAX_CARD : 0;
  }

  @Override
  public byte[] rewriteResponse(byte[] body) {
    return card == null ? null : card.rewrite(body);
  }

  @Override
  public void responseBytes(byte[] bytes, int offset, int length) {
    if (inspector != null) {
      inspector.bytes(bytes, offset, length);
    }
  }

  @Override
  public String protocol() {
    return "a2a";
  }

  @Override
  public List<RequestLog.Field> logFields() {
    if (kind != A2aRequests.Kind.CALL) {
      return List.of();
    }
    List<RequestLog.Field> fields = new ArrayList<>(5);
    if (method != null) {
      fields.add(new RequestLog.Field("a2a.method", method));
    }
    if (inspector != null) {
      inspector.addFields(fields);
    }
    return fields;
  }
}

package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.mcp.mux.CallInfo;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How an MCP exchange shows in the access log and metrics: protocol {@code mcp}, the JSON-RPC
 * method, the target, the tool called, and the session. Whoever holds a session id can use the
 * session, so it is as secret as a token: {@code mcp.session.id} carries a fingerprint of it
 * (SHA-256, 16 hex digits), enough to follow one session through the log, useless to resume it.
 */
final class McpTap implements ExchangeTap {
  /** Access-log field names, also read by the metrics. */
  static final String METHOD = "mcp.method.name";

  static final String TARGET = "mcp.target";

  static final String SESSION = "mcp.session.id";

  private final McpReply reply;
  private final String sessionId;

  /**
   * @param sessionId the session's id (the request's {@code Mcp-Session-Id}, or the one initialize
   *     gave out), or null
   */
  McpTap(McpReply reply, String sessionId) {
    this.reply = reply;
    this.sessionId = sessionId;
  }

  /** A short, one-way fingerprint of a session id. */
  static String fingerprint(String sessionId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String protocol() {
    return "mcp";
  }

  @Override
  public List<RequestLog.Field> logFields() {
    if (reply.method().isEmpty()) {
      return List.of();
    }
    List<RequestLog.Field> fields = new ArrayList<>(4);
    fields.add(new RequestLog.Field(METHOD, reply.method()));
    if (sessionId != null && !sessionId.isEmpty()) {
      fields.add(new RequestLog.Field(SESSION, fingerprint(sessionId)));
    }
    CallInfo call = reply.call();
    if (!call.target().isEmpty()) {
      fields.add(new RequestLog.Field(TARGET, call.target()));
    }
    if (call.resourceType().equals("tool")) {
      fields.add(new RequestLog.Field("gen_ai.tool.name", call.resource()));
    } else if (!call.resourceType().isEmpty()) {
      fields.add(new RequestLog.Field("mcp." + call.resourceType() + ".name", call.resource()));
    }
    return fields;
  }
}

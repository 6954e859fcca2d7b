package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.mcp.mux.CallInfo;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.util.ArrayList;
import java.util.List;

/**
 * How an MCP exchange shows in the access log and metrics: protocol {@code mcp}, the JSON-RPC
 * method, the target, and the tool called. The session id is left out on purpose: whoever holds it
 * can use the session, so it is as secret as a token.
 */
final class McpTap implements ExchangeTap {
  /** Access-log field names, also read by the metrics. */
  static final String METHOD = "mcp.method.name";

  static final String TARGET = "mcp.target";

  private final McpReply reply;

  McpTap(McpReply reply) {
    this.reply = reply;
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

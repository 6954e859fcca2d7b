package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.util.List;

/** How an MCP exchange shows in the access log and metrics: protocol {@code mcp}, its method. */
final class McpTap implements ExchangeTap {
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
    return reply.method().isEmpty()
        ? List.of()
        : List.of(new RequestLog.Field("mcp.method.name", reply.method()));
  }
}

package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.telemetry.GenAiMetrics;
import io.helidon.webserver.http.ServerResponse;

/** What one LLM request has learnt so far; sends the whole answers and becomes its reply. */
final class ReplyBuilder {
  private final ClientRoute route;
  private long bytesIn;
  private String reason = "";
  private String system = "";
  private String provider = "";
  private String requestModel = "";
  private String responseModel = "";
  private TokenUsage usage;
  private int retries;

  ReplyBuilder(ClientRoute route) {
    this.route = route;
  }

  void bytesIn(long bytes) {
    bytesIn = bytes;
  }

  void reason(String why) {
    reason = why;
  }

  void requestModel(String model) {
    requestModel = model == null ? "" : model;
  }

  void responseModel(String model) {
    responseModel = model == null ? "" : model;
  }

  void usage(TokenUsage counted) {
    usage = counted;
  }

  /** {@code p} is tried, as try number {@code attempt} (0 for the first). */
  void provider(AiProvider p, int attempt) {
    system = ProviderNames.system(p);
    provider = p.name();
    retries = attempt;
  }

  /** Sends the gateway's own error in the client's shape. */
  LlmReply error(ServerResponse res, int status, String message, String code) {
    reason = message;
    return build(status, Answers.error(res, route, status, message, code));
  }

  /** Sends a whole JSON answer. */
  LlmReply answered(ServerResponse res, int status, byte[] body) {
    return build(status, Answers.json(res, status, body));
  }

  LlmReply build(int status, long bytesOut) {
    return new LlmReply(
        status,
        bytesIn,
        bytesOut,
        reason,
        route == null ? "" : route.operation(),
        system,
        provider,
        requestModel,
        responseModel,
        usage,
        retries);
  }

  /**
   * Records a provider's answer in the GenAI metrics.
   *
   * @param firstTokenNanos time to the first output token, or -1 for a whole answer
   */
  void record(GenAiMetrics metrics, long durationNanos, long firstTokenNanos) {
    if (metrics == null) {
      return;
    }
    metrics.record(
        route.operation(),
        system,
        requestModel,
        responseModel,
        usage == null ? -1 : usage.inputTokens(),
        usage == null ? -1 : usage.outputTokens(),
        durationNanos,
        firstTokenNanos);
  }
}

package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.util.ArrayList;
import java.util.List;

/**
 * How an LLM exchange shows in the access log: protocol {@code llm} and the OpenTelemetry GenAI
 * fields (operation, provider, models, token counts). Prompts, answers and keys are never logged.
 */
final class LlmTap implements ExchangeTap {
  private final LlmReply reply;

  LlmTap(LlmReply reply) {
    this.reply = reply;
  }

  @Override
  public String protocol() {
    return "llm";
  }

  @Override
  public List<RequestLog.Field> logFields() {
    List<RequestLog.Field> fields = new ArrayList<>(7);
    add(fields, "gen_ai.operation.name", reply.operation());
    add(fields, "gen_ai.provider.name", reply.system());
    add(fields, "llm.provider", reply.provider());
    add(fields, "gen_ai.request.model", reply.requestModel());
    add(fields, "gen_ai.response.model", reply.responseModel());
    if (reply.usage() != null) {
      fields.add(new RequestLog.Field("gen_ai.usage.input_tokens", reply.usage().inputTokens()));
      fields.add(new RequestLog.Field("gen_ai.usage.output_tokens", reply.usage().outputTokens()));
    }
    return fields;
  }

  private static void add(List<RequestLog.Field> fields, String key, String value) {
    if (!value.isEmpty()) {
      fields.add(new RequestLog.Field(key, value));
    }
  }
}

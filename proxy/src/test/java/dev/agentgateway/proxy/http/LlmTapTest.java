package dev.agentgateway.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmTapTest {
  @Test
  void logsTheGenAiFieldsOfAnAnsweredCall() {
    LlmReply reply =
        new LlmReply(
            200,
            10,
            20,
            "",
            "chat",
            "anthropic",
            "second",
            "gpt-4o-mini",
            "claude-x",
            new TokenUsage(19, 0, 0, 9, 0, 19),
            1);
    LlmTap tap = new LlmTap(reply);
    assertEquals("llm", tap.protocol());
    assertEquals(
        List.of(
            new RequestLog.Field("gen_ai.operation.name", "chat"),
            new RequestLog.Field("gen_ai.provider.name", "anthropic"),
            new RequestLog.Field("llm.provider", "second"),
            new RequestLog.Field("gen_ai.request.model", "gpt-4o-mini"),
            new RequestLog.Field("gen_ai.response.model", "claude-x"),
            new RequestLog.Field("gen_ai.usage.input_tokens", 19L),
            new RequestLog.Field("gen_ai.usage.output_tokens", 9L)),
        tap.logFields());
  }

  @Test
  void leavesOutWhatARefusedRequestNeverHad() {
    LlmReply reply = new LlmReply(400, 5, 80, "bad", "chat", "", "", "", "", null, 0);
    assertEquals(
        List.of(new RequestLog.Field("gen_ai.operation.name", "chat")),
        new LlmTap(reply).logFields());
  }
}

package dev.agentgateway.proxy.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GenAiMetricsTest {
  private static final String LABELS =
      "gen_ai_operation_name=\"chat\",gen_ai_system=\"openai\","
          + "gen_ai_request_model=\"m\",gen_ai_response_model=\"m-1\"";

  @Test
  void recordsTokensDurationAndStreamTimings() {
    ProxyMetrics metrics = new ProxyMetrics("t");
    metrics.genAi().record("chat", "openai", "m", "m-1", 19, 11, 2_000_000_000L, 500_000_000L);
    String text = metrics.registry().scrape();
    assertTrue(
        text.contains(
            "agentgateway_gen_ai_client_token_usage_bucket{gen_ai_token_type=\"input\","
                + LABELS
                + ",le=\"64\"} 1"),
        text);
    assertTrue(
        text.contains(
            "agentgateway_gen_ai_client_token_usage_sum{gen_ai_token_type=\"output\","
                + LABELS
                + "} 11"),
        text);
    assertTrue(text.contains("agentgateway_gen_ai_server_request_duration_sum{" + LABELS + "} 2"));
    assertTrue(
        text.contains("agentgateway_gen_ai_server_time_to_first_token_sum{" + LABELS + "} 0.5"));
    // (2 s - 0.5 s) over the 10 tokens after the first
    assertTrue(
        text.contains("agentgateway_gen_ai_server_time_per_output_token_sum{" + LABELS + "} 0.15"),
        text);
  }

  @Test
  void aWholeAnswerWithoutUsageRecordsOnlyItsDuration() {
    ProxyMetrics metrics = new ProxyMetrics("t");
    metrics.genAi().record("embeddings", "openai", "e", "e", -1, -1, 10_000_000L, -1);
    String text = metrics.registry().scrape();
    assertTrue(text.contains("agentgateway_gen_ai_server_request_duration_count{"));
    assertFalse(text.contains("agentgateway_gen_ai_client_token_usage_count{"));
    assertFalse(text.contains("agentgateway_gen_ai_server_time_to_first_token_count{"));
  }
}

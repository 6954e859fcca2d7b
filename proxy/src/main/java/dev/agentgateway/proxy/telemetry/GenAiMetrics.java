package dev.agentgateway.proxy.telemetry;

/**
 * The OpenTelemetry GenAI histograms upstream exposes for LLM traffic, with the semantic
 * conventions' bucket boundaries. Labels: {@code gen_ai_operation_name}, {@code gen_ai_system} (the
 * provider), {@code gen_ai_request_model}, {@code gen_ai_response_model}; token usage also {@code
 * gen_ai_token_type} ({@code input} or {@code output}).
 */
public final class GenAiMetrics {
  /** Token counts: powers of four from 1 to 4^13 (semconv {@code gen_ai.client.token.usage}). */
  static final double[] TOKEN_BUCKETS = {
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864
  };

  /** Seconds, doubling from 10 ms (semconv {@code gen_ai.server.request.duration}). */
  static final double[] DURATION_BUCKETS = {
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
  };

  /** Seconds (semconv {@code gen_ai.server.time_to_first_token}). */
  static final double[] TTFT_BUCKETS = {
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0
  };

  /** Seconds (semconv {@code gen_ai.server.time_per_output_token}). */
  static final double[] PER_TOKEN_BUCKETS = {
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5
  };

  private static final String[] LABELS = {
    "gen_ai_operation_name", "gen_ai_system", "gen_ai_request_model", "gen_ai_response_model"
  };

  private final HistogramFamily tokens;
  private final HistogramFamily duration;
  private final HistogramFamily timeToFirstToken;
  private final HistogramFamily timePerOutputToken;

  GenAiMetrics(MetricRegistry registry) {
    tokens =
        registry.histogram(
            "agentgateway_gen_ai_client_token_usage",
            "Number of input and output tokens used.",
            TOKEN_BUCKETS,
            "gen_ai_token_type",
            LABELS[0],
            LABELS[1],
            LABELS[2],
            LABELS[3]);
    duration =
        registry.histogram(
            "agentgateway_gen_ai_server_request_duration",
            "Generative AI server request duration in seconds.",
            DURATION_BUCKETS,
            LABELS);
    timeToFirstToken =
        registry.histogram(
            "agentgateway_gen_ai_server_time_to_first_token",
            "Time to generate the first token, in seconds.",
            TTFT_BUCKETS,
            LABELS);
    timePerOutputToken =
        registry.histogram(
            "agentgateway_gen_ai_server_time_per_output_token",
            "Time per output token generated after the first one, in seconds.",
            PER_TOKEN_BUCKETS,
            LABELS);
  }

  /**
   * Records one LLM call that a provider answered.
   *
   * @param inputTokens input tokens, or a negative number when unknown
   * @param outputTokens output tokens, or a negative number when unknown
   * @param durationNanos from the request to the answer's end
   * @param firstTokenNanos from the request to the first output token, or a negative number when
   *     the answer was not streamed
   */
  public void record(
      String operation,
      String system,
      String requestModel,
      String responseModel,
      long inputTokens,
      long outputTokens,
      long durationNanos,
      long firstTokenNanos) {
    String[] labels = {operation, system, requestModel, responseModel};
    if (inputTokens >= 0) {
      tokens.labels("input", operation, system, requestModel, responseModel).observe(inputTokens);
    }
    if (outputTokens >= 0) {
      tokens.labels("output", operation, system, requestModel, responseModel).observe(outputTokens);
    }
    duration.labels(labels).observe(durationNanos / 1e9);
    if (firstTokenNanos >= 0) {
      timeToFirstToken.labels(labels).observe(firstTokenNanos / 1e9);
      if (outputTokens > 1) {
        double perToken = (durationNanos - firstTokenNanos) / 1e9 / (outputTokens - 1);
        timePerOutputToken.labels(labels).observe(Math.max(0, perToken));
      }
    }
  }
}

package dev.agentgateway.proxy.llm;

/**
 * How one LLM request was answered, for the access log and metrics.
 *
 * @param status the status sent to the client
 * @param bytesIn request body bytes read
 * @param bytesOut response body bytes written
 * @param reason why the gateway answered itself (empty when a provider answered)
 * @param operation {@code gen_ai.operation.name} ({@code chat}, {@code embeddings}, ...), or empty
 *     for a path that names no LLM API
 * @param system {@code gen_ai.provider.name} of the provider that answered last, or empty
 * @param provider the configured name of that provider, or empty
 * @param requestModel the model the client asked for, or empty
 * @param responseModel the model the answer names, or empty
 * @param usage tokens counted, or null when the answer carried none
 * @param retries how many further providers were tried after the first
 */
public record LlmReply(
    int status,
    long bytesIn,
    long bytesOut,
    String reason,
    String operation,
    String system,
    String provider,
    String requestModel,
    String responseModel,
    TokenUsage usage,
    int retries) {}

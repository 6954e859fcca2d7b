package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;

/**
 * One client format served by one provider format: the request, answer, stream and error
 * translations. Stateless; get one from {@link Conversions#of}.
 */
public interface Conversion {
  ClientFormat client();

  ProviderFormat provider();

  /**
   * The provider request for a client request body (not changed in place).
   *
   * @throws FormatException the body cannot be translated; answer 400 with {@link #invalidRequest}
   */
  TranslatedRequest request(ObjectNode clientBody);

  /** The client's answer for a whole (non-streamed) provider answer. */
  ObjectNode response(JsonNode providerBody, StreamContext context);

  /** A translator for one streamed answer. */
  StreamTranslator stream(StreamContext context, StreamListener listener);

  /** The usage of a whole provider answer. */
  default TokenUsage usage(JsonNode providerBody) {
    return UsageReader.ofResponse(provider(), providerBody);
  }

  /**
   * A provider error answer in the client's shape; the status to send is {@link
   * ProviderErrors#clientStatus}.
   *
   * @param errorTypeHeader Bedrock's {@code x-amzn-ErrorType}, null otherwise
   */
  default ObjectNode error(int status, byte[] providerBody, String errorTypeHeader) {
    return ProviderErrors.toClient(
        client(), ProviderErrors.parse(status, providerBody, errorTypeHeader));
  }

  /** The 400 body for a request that failed translation. */
  default ObjectNode invalidRequest(FormatException e) {
    return ProviderErrors.invalidRequest(client(), e.getMessage());
  }
}

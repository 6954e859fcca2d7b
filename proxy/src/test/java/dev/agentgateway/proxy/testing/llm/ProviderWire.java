package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;

/** One provider's endpoints and error envelope. */
interface ProviderWire {
  /** The normal answer to {@code request} (which may itself be an error the real API gives). */
  Reply answer(RecordedRequest request);

  /** The provider's error envelope for {@code status}. */
  Reply error(int status);

  /** A text field of a JSON body, or null. */
  static String text(JsonNode body, String field) {
    JsonNode v = body == null ? null : body.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  /** Whether a JSON body has a non-empty array or object at {@code field}. */
  static boolean has(JsonNode body, String field) {
    JsonNode v = body == null ? null : body.get(field);
    return v != null && (v.isArray() || v.isObject()) && !v.isEmpty();
  }
}

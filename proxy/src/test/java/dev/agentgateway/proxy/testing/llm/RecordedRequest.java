package dev.agentgateway.proxy.testing.llm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a stand-in received.
 *
 * @param method the HTTP method
 * @param path the path as sent (percent-encoded)
 * @param query the query without {@code ?}, or null
 * @param headers header names in lower case to their values in order
 * @param body the request body
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of {@code name} (any case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + path + (query == null ? "" : "?" + query) + " " + headers.keySet();
  }
}

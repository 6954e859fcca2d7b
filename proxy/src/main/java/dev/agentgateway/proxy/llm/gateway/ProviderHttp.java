package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sends one request to a provider and hands back the answer's head, its body as a stream. */
public interface ProviderHttp {
  /**
   * Sends {@code request} and waits for the answer's head.
   *
   * @throws java.net.SocketTimeoutException when connecting or the head took longer than allowed
   * @throws IOException when the provider cannot be reached or broke the connection
   */
  Answer send(Request request) throws IOException;

  /**
   * One request, exactly as it goes on the wire.
   *
   * @param headers every header field sent, names in lower case ({@code host} and {@code
   *     content-length} included: a signature covers what is sent, nothing is added later)
   * @param timeout how long the provider may take to send the answer's head
   */
  record Request(
      ProviderEndpoint endpoint,
      String method,
      Map<String, List<String>> headers,
      byte[] body,
      Duration timeout) {
    public Request {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(method, "method");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(timeout, "timeout");
    }

    /** The first value of header {@code name} (lower case), or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /**
   * A provider's answer. The body must be read to its end (the connection then goes back to the
   * pool) or closed (the connection is dropped).
   */
  record Answer(int status, Headers headers, InputStream body) {
    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      return headers.first(HeaderNames.create(name)).orElse(null);
    }
  }
}

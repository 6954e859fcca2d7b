package dev.agentgateway.proxy.policy.transform;

import dev.agentgateway.proxy.policy.auth.Identity;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import io.helidon.http.Header;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the CEL variables transformations and retry conditions read: {@code request} (with {@code
 * body} when it was held) and {@code response} ({@code code}, {@code headers}, and {@code body}
 * when held), and the caller the route's authentication found ({@code jwt}, {@code basicAuth},
 * {@code apiKey}). Each is built only if an expression reads it. Bodies are strings, as upstream
 * documents them.
 */
public final class CelContexts {
  private CelContexts() {}

  /** The variables of {@code req}; {@code body} is the held request body, or null. */
  public static CelActivation request(ServerRequest req, byte[] body) {
    return caller(req, CelActivation.builder().set("request", requestValue(req, body))).build();
  }

  /**
   * The variables of {@code req} and its upstream response.
   *
   * @param body the held response body, or null
   */
  public static CelActivation response(
      ServerRequest req, byte[] requestBody, int status, Headers headers, byte[] body) {
    Supplier<Map<String, Object>> response =
        () -> {
          Map<String, Object> out = HashMap.newHashMap(3);
          out.put("code", (long) status);
          out.put("headers", firstValues(headers));
          if (body != null) {
            out.put("body", new String(body, StandardCharsets.UTF_8));
          }
          return out;
        };
    return caller(
            req,
            CelActivation.builder()
                .set("request", requestValue(req, requestBody))
                .set("response", response))
        .build();
  }

  /** Adds the identity the route's authentication registered on {@code req}, if any. */
  public static CelActivation.Builder caller(ServerRequest req, CelActivation.Builder activation) {
    req.context().get(Identity.class).ifPresent(id -> id.addTo(activation));
    return activation;
  }

  private static Supplier<Map<String, Object>> requestValue(ServerRequest req, byte[] body) {
    return () -> {
      Map<String, Object> out = new HashMap<>(RequestAttributes.from(req).toCel());
      if (body != null) {
        out.put("body", new String(body, StandardCharsets.UTF_8));
      }
      return out;
    };
  }

  /** Header name (lower case) to its first value, as {@code request.headers} has them. */
  private static Map<String, String> firstValues(Headers headers) {
    Map<String, String> out = HashMap.newHashMap(headers.size());
    for (Header header : headers) {
      List<String> values = header.allValues();
      out.putIfAbsent(
          header.name().toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.getFirst());
    }
    return out;
  }
}

package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.proxy.http.HopByHop;
import dev.agentgateway.proxy.llm.provider.ProviderAuth;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.llm.provider.UpstreamAuth;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the request to one provider: the client's headers without hop-by-hop ones, the ones the
 * HTTP client sets itself and (unless the auth is passthrough) the client's credentials; then the
 * provider's credential, and a SigV4 signature over the final body bytes for AWS. The request
 * carries every field sent, {@code host} and {@code content-length} included, so the signed {@code
 * host} and {@code content-type} are exactly what goes on the wire.
 */
final class UpstreamRequest {
  /** Headers never copied from the client: set here, or they would mislead. */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "accept-encoding",
          "expect",
          "date",
          "via",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto");

  /** Methods whose empty body still says so with {@code Content-Length: 0} (RFC 9110 §8.6). */
  private static final Set<String> CARRIES_CONTENT = Set.of("POST", "PUT", "PATCH");

  private static final String SEPARATORS = "()<>@,;:\\\"/[]?={}";

  private UpstreamRequest() {}

  /**
   * The request to send.
   *
   * @param clientHeaders the client's headers, names in lower case
   * @param env where AWS credentials come from when the provider's auth names none
   * @throws IllegalStateException when the provider's AWS credentials are missing
   */
  static ProviderHttp.Request build(
      AiProvider provider,
      ProviderEndpoint endpoint,
      Map<String, List<String>> clientHeaders,
      byte[] body,
      Duration timeout,
      Map<String, String> env,
      Clock clock) {
    return build(
        provider, endpoint, "POST", "application/json", clientHeaders, body, timeout, env, clock);
  }

  /**
   * A request with the client's own method and content type, for passthrough.
   *
   * @param contentType the body's type, or null to send none (a body-less request)
   */
  static ProviderHttp.Request build(
      AiProvider provider,
      ProviderEndpoint endpoint,
      String method,
      String contentType,
      Map<String, List<String>> clientHeaders,
      byte[] body,
      Duration timeout,
      Map<String, String> env,
      Clock clock) {
    UpstreamAuth auth = ProviderAuth.forProvider(provider);
    for (Map.Entry<String, String> q : auth.query().entrySet()) {
      endpoint =
          endpoint.withQuery(
              URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)
                  + "="
                  + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
    }
    Map<String, List<String>> headers = new TreeMap<>();
    clientHeaders.forEach(
        (name, values) -> {
          if (!HopByHop.fixed(name)
              && !NOT_COPIED.contains(name)
              && !auth.remove().contains(name)
              && !name.startsWith(":")) {
            headers.put(name, values);
          }
        });
    auth.set().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
    auth.setIfAbsent()
        .forEach((k, v) -> headers.putIfAbsent(k.toLowerCase(Locale.ROOT), List.of(v)));
    headers.remove("content-type");
    if (contentType != null) {
      headers.put("content-type", List.of(contentType));
    }
    if (auth.sigV4()) {
      Map<String, String> signed = new LinkedHashMap<>();
      signed.put("host", endpoint.authority());
      if (contentType != null) {
        signed.put("content-type", contentType);
      }
      ProviderAuth.signer(provider, env)
          .sign(method, endpoint.path(), endpoint.query(), signed, body, clock.instant())
          .forEach((k, v) -> headers.put(k, List.of(v)));
    }
    headers.put("host", List.of(endpoint.authority()));
    if (body.length > 0 || CARRIES_CONTENT.contains(method)) {
      headers.put("content-length", List.of(Integer.toString(body.length)));
    }
    // a field that cannot go on the wire as it is (a control character in a configured key)
    headers.entrySet().removeIf(h -> !sendable(h.getKey(), h.getValue()));
    return new ProviderHttp.Request(endpoint, method, headers, body, timeout);
  }

  /** True when {@code name} is a token and no value holds a line break or NUL. */
  private static boolean sendable(String name, List<String> values) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || SEPARATORS.indexOf(c) >= 0) {
        return false;
      }
    }
    for (String v : values) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          return false;
        }
      }
    }
    return true;
  }
}

package dev.agentgateway.proxy.policy.extauth;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.proxy.policy.HeaderMutation;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks a plain HTTP authorization service: the request's method, path and query and its listed
 * headers ({@code authorization} by default) go to the service; a 2xx answer allows (its listed
 * headers are copied upstream), any other answer is returned to the client as it is.
 */
final class HttpAuthorizer implements Authorizer {
  private static final List<String> DEFAULT_HEADERS = List.of("authorization");
  // The JDK client sets these itself and refuses them; hop-by-hop ones are not forwarded anyway.
  private static final Set<String> NOT_SENT =
      Set.of(
          "host",
          "connection",
          "content-length",
          "expect",
          "upgrade",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "proxy-connection");
  private static final Set<String> NOT_RETURNED =
      Set.of(
          "connection",
          "content-length",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "upgrade",
          "date",
          "server");

  private final Supplier<HttpClient> client;
  private final String origin;
  private final Duration timeout;
  private final List<String> headers;
  private final List<String> responseHeaders;

  HttpAuthorizer(Supplier<HttpClient> client, Duration timeout, ExtAuthzPolicy policy) {
    this.client = client;
    this.origin = "http://" + authority(policy.target());
    this.timeout = timeout;
    this.headers =
        policy.includeRequestHeaders() == null ? DEFAULT_HEADERS : policy.includeRequestHeaders();
    this.responseHeaders = policy.includeResponseHeaders();
  }

  private static String authority(Backend target) {
    return switch (target) {
      case Backend.Host h -> h.authority();
      case Backend.Service s -> s.serviceName() + "." + s.namespace() + ".svc:" + s.port();
      default -> throw new IllegalArgumentException("not a host or a Service: " + target);
    };
  }

  @Override
  public ExtAuthzOutcome check(AuthzRequest request) throws CheckFailedException {
    ServerRequest req = request.request();
    String query = req.prologue().query().rawValue();
    String target = req.prologue().uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query);
    byte[] body = request.body();
    HttpRequest.Builder call =
        HttpRequest.newBuilder(URI.create(origin + target))
            .timeout(timeout)
            .method(
                req.prologue().method().text(),
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Header header : req.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (headers.contains(name) && !NOT_SENT.contains(name)) {
        for (String value : header.allValues()) {
          call.header(name, value);
        }
      }
    }
    HttpResponse<byte[]> answer;
    try {
      answer = client.get().send(call.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new CheckFailedException("ext_authz call timed out", e);
    } catch (IOException e) {
      throw new CheckFailedException("ext_authz call failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckFailedException("ext_authz call interrupted", e);
    }
    Map<String, List<String>> answered = answer.headers().map();
    if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
      List<Header> set = new ArrayList<>();
      for (String name : responseHeaders) {
        List<String> values = answer.headers().allValues(name);
        if (!values.isEmpty()) {
          set.add(HeaderValues.create(HeaderNames.create(name), values.toArray(String[]::new)));
        }
      }
      return new ExtAuthzOutcome.Allow(HeaderMutation.of(List.of(), set, List.of()), List.of(), "");
    }
    List<Header> returned = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : answered.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (!name.startsWith(":") && !NOT_RETURNED.contains(name)) {
        returned.add(
            HeaderValues.create(HeaderNames.create(name), e.getValue().toArray(String[]::new)));
      }
    }
    return new ExtAuthzOutcome.Deny(
        answer.statusCode(), returned, answer.body(), "ext_authz denied");
  }
}

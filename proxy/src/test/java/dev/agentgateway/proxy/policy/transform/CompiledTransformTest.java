package dev.agentgateway.proxy.policy.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.proxy.policy.CompiledPolicies;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelCompileException;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compiling transformations once, and what they compute per request. */
class CompiledTransformTest {
  private static final CelEngine ENGINE = CelEngine.create();

  private static TransformationPolicy.Transform transform(
      List<HeaderValue> add, List<HeaderValue> set, List<String> remove, String body) {
    return new TransformationPolicy.Transform(add, set, remove, body);
  }

  private static CelActivation request(String path, Map<String, String> headers) {
    return CelActivation.builder()
        .request(RequestAttributes.of("GET", "http", "example.com", path, headers))
        .build();
  }

  @Test
  void findsExpressionsThatReadABody() {
    assertTrue(CompiledTransform.readsBody("string(request.body)"));
    assertTrue(CompiledTransform.readsBody("request[\"body\"].size() > 0"));
    assertTrue(CompiledTransform.readsBody("response . body + \"!\""));
    assertFalse(CompiledTransform.readsBody("request.path"));
    assertFalse(CompiledTransform.readsBody("request.bodyPrefix"));
  }

  @Test
  void headersAreEvaluatedPerRequestAndFailuresAreLeftOut() {
    CompiledTransform t =
        CompiledTransform.compile(
            transform(
                List.of(new HeaderValue("x-path", "request.path")),
                List.of(
                    new HeaderValue("x-user", "request.headers[\"x-user\"]"),
                    new HeaderValue("x-split", "\"a\\r\\nb: c\""),
                    new HeaderValue("x-count", "1 + 2")),
                List.of("x-drop"),
                null),
            ENGINE);
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.set(HeaderNames.create("x-drop"), "gone");
    t.headers(request("/a", Map.of())).apply(headers);
    assertEquals("/a", headers.get(HeaderNames.create("x-path")).get());
    assertEquals("3", headers.get(HeaderNames.create("x-count")).get());
    assertFalse(headers.contains(HeaderNames.create("x-user")), "no x-user header to read");
    assertFalse(headers.contains(HeaderNames.create("x-split")), "a value with a line break");
    assertFalse(headers.contains(HeaderNames.create("x-drop")));
    assertFalse(t.readsBody());
    assertFalse(t.replacesBody());
  }

  @Test
  void aBodyExpressionReplacesTheBodyAndAFailingOneKeepsIt() {
    CompiledTransform t =
        CompiledTransform.compile(
            transform(List.of(), List.of(), List.of(), "request.path + \"!\""), ENGINE);
    assertArrayEquals("/p!".getBytes(StandardCharsets.UTF_8), t.body(request("/p", Map.of())));
    assertNull(t.body(CelActivation.empty()), "request unbound: the body stays");
  }

  @Test
  void aBadExpressionFailsAtCompile() {
    assertThrows(
        CelCompileException.class,
        () ->
            CompiledTransform.compile(
                transform(
                    List.of(new HeaderValue("x", "request.path +")), List.of(), List.of(), null),
                ENGINE));
  }

  @Test
  void aRouteWithoutThesePoliciesCompilesToNoTransforms() {
    assertNull(CompiledPolicies.compile(RoutePolicies.NONE).transforms());
    assertNull(
        CompiledPolicies.compile(
                RoutePolicies.builder().directResponse(new DirectResponse(200, "fixed")).build())
            .transforms());
  }

  @Test
  void bodyReadingExpressionsRequireTheWholeBodyAndBuffersHoldTheirLimit() {
    LazyCelEngine cel = new LazyCelEngine();
    TransformPolicies reads =
        TransformPolicies.compile(
            RoutePolicies.builder()
                .transformations(
                    new TransformationPolicy(
                        transform(List.of(), List.of(), List.of(), "request.body"), null))
                .build(),
            cel,
            1024);
    assertEquals(new TransformPolicies.Hold(1024, true), reads.requestHold());
    assertEquals(TransformPolicies.Hold.NONE, reads.responseHold());
    assertFalse(reads.handlesResponse());

    TransformPolicies buffered =
        TransformPolicies.compile(
            RoutePolicies.builder()
                .buffer(
                    new BufferPolicy(
                        new BufferPolicy.Limit(64L, false), new BufferPolicy.Limit(null, true)))
                .build(),
            cel,
            1024);
    assertEquals(new TransformPolicies.Hold(64, true), buffered.requestHold());
    assertEquals(new TransformPolicies.Hold(1024, false), buffered.responseHold());
    assertTrue(buffered.handlesResponse());
    assertNull(buffered.request());
  }
}

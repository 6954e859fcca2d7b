package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TransformationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The route policies {@code transformations}, {@code buffer}, and the CEL parts of others. */
class TransformPolicyConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.";

  private static RoutePolicies policies(String body) throws ConfigException {
    return new LocalConfigLoader(Map.of())
        .parse(ConfigErrorsTest.route(body))
        .routes()
        .get(0)
        .policies();
  }

  @Test
  void readsRequestAndResponseTransformationsWithCelValues() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies:
              transformations:
                request:
                  add: {x-path: "request.path"}
                  set: {x-user: 'request.headers["x-user"] + "!"'}
                  remove: [x-secret]
                  body: 'string(request.body) + "?"'
                response:
                  set: {x-status: "string(response.code)"}
            backends: [{host: "a:1"}]
            """);
    assertEquals(
        new TransformationPolicy(
            new TransformationPolicy.Transform(
                List.of(new HeaderValue("x-path", "request.path")),
                List.of(new HeaderValue("x-user", "request.headers[\"x-user\"] + \"!\"")),
                List.of("x-secret"),
                "string(request.body) + \"?\""),
            new TransformationPolicy.Transform(
                List.of(),
                List.of(new HeaderValue("x-status", "string(response.code)")),
                List.of(),
                null)),
        p.transformations());
  }

  @Test
  void badTransformationsAreReportedWithTheirPath() {
    assertEquals(
        List.of(
            new ConfigError(P + "transformations.request.body", "CEL expression must not be blank"),
            new ConfigError(P + "transformations.request.set.bad name", "invalid header name"),
            new ConfigError(
                P + "transformations.request.set.:path",
                "pseudo-headers such as :path are not supported yet"),
            new ConfigError(
                P + "transformations.response.metadata", "\"metadata\" is not supported yet")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  transformations:
                    request:
                      set: {"bad name": "1", ":path": "'/x'"}
                      body: "  "
                    response:
                      metadata: {a: "1"}
                backends: [{host: "a:1"}]
                """)));
  }

  @Test
  void readsBufferLimitsAndFailureModes() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies:
              buffer:
                request: {maxBytes: 1024}
                response: {failureMode: failOpen}
            backends: [{host: "a:1"}]
            """);
    assertEquals(
        new BufferPolicy(new BufferPolicy.Limit(1024L, false), new BufferPolicy.Limit(null, true)),
        p.buffer());
  }

  @Test
  void badBufferValuesAreReported() {
    assertEquals(
        List.of(
            new ConfigError(P + "buffer.request.maxBytes", "must be between 0 and 2147483639"),
            new ConfigError(
                P + "buffer.request.failureMode", "must be one of failClosed, failOpen")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  buffer:
                    request: {maxBytes: -1, failureMode: closed}
                backends: [{host: "a:1"}]
                """)));
  }

  @Test
  void retryReadsItsCelPreconditionAndCondition() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies:
              retry:
                attempts: 3
                codes: [503]
                precondition: 'request.method == "GET"'
                condition: 'response.headers["x-retry"] == "yes"'
            backends: [{host: "a:1"}]
            """);
    assertEquals(
        new RetryPolicy(
            3,
            null,
            Set.of(503),
            "request.method == \"GET\"",
            "response.headers[\"x-retry\"] == \"yes\""),
        p.retry());
  }

  @Test
  void directResponseReadsABodyExpressionButNotBothBodies() throws ConfigException {
    assertEquals(
        new DirectResponse(200, "", "request.path"),
        policies(
                """
                policies:
                  directResponse: {status: 200, bodyExpression: request.path}
                """)
            .directResponse());
    assertEquals(
        List.of(
            new ConfigError(
                P + "directResponse.bodyExpression",
                "set either body or bodyExpression, not both")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  directResponse: {status: 200, body: x, bodyExpression: request.path}
                """)));
  }
}

package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.translate.policy.PolicyFields.FieldError;
import dev.agentgateway.crds.common.AuthorizationAction;
import dev.agentgateway.crds.common.AuthorizationPolicyConfig;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.common.FailureMode;
import dev.agentgateway.crds.common.HeaderExpression;
import dev.agentgateway.crds.common.TransformationRequest;
import dev.agentgateway.crds.policy.Buffer;
import dev.agentgateway.crds.policy.BufferRequest;
import dev.agentgateway.crds.policy.ForwardBody;
import dev.agentgateway.crds.policy.GlobalRateLimit;
import dev.agentgateway.crds.policy.RateLimitDescriptor;
import dev.agentgateway.crds.policy.TrafficExtAuth;
import dev.agentgateway.crds.policy.TrafficTransformation;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.TransformationPolicy;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the traffic fields that call out (extAuth, the global rate limit) or rewrite and check
 * requests (authorization, transformation, buffer) onto the IR; a problem becomes a {@link
 * FieldError} naming the nested field.
 */
final class TrafficFields {
  private final String namespace;

  /**
   * @param namespace the policy's namespace, the only one its backendRefs may name
   */
  TrafficFields(String namespace) {
    this.namespace = namespace;
  }

  /** {@code authorization}: one rule per expression, all of the policy's action. */
  static AuthorizationPolicy authorization(AuthorizationPolicyConfig a) {
    McpAuthorizationPolicy.Kind kind =
        switch (Objects.requireNonNullElse(a.action(), AuthorizationAction.ALLOW)) {
          case ALLOW -> McpAuthorizationPolicy.Kind.ALLOW;
          case DENY -> McpAuthorizationPolicy.Kind.DENY;
          case REQUIRE -> McpAuthorizationPolicy.Kind.REQUIRE;
        };
    if (a.policy() == null) {
      throw new FieldError("policy", "is required");
    }
    return new AuthorizationPolicy(
        a.policy().matchExpressions().stream()
            .map(e -> new McpAuthorizationPolicy.Rule(kind, e))
            .toList());
  }

  /** {@code extAuth} over gRPC or HTTP to a Service. */
  ExtAuthzPolicy extAuth(TrafficExtAuth e) {
    boolean grpc = e.grpc() != null;
    if (grpc == (e.http() != null)) {
      throw new FieldError("grpc", "exactly one of grpc and http is required");
    }
    List<String> requestHeaders =
        grpc || e.http().allowedRequestHeaders() == null
            ? null
            : e.http().allowedRequestHeaders().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
    return new ExtAuthzPolicy(
        service(e.backendRef(), e.url()),
        grpc ? ExtAuthzPolicy.Protocol.GRPC : ExtAuthzPolicy.Protocol.HTTP,
        grpc ? Objects.requireNonNullElse(e.grpc().contextExtensions(), Map.of()) : Map.of(),
        grpc ? List.of() : Objects.requireNonNullElse(e.http().allowedResponseHeaders(), List.of()),
        requestHeaders,
        forwardBody(e.forwardBody()),
        e.failureMode() == FailureMode.FAIL_OPEN
            ? ExtAuthzPolicy.FailureMode.ALLOW
            : ExtAuthzPolicy.FailureMode.DENY,
        ExtAuthzPolicy.DEFAULT_FAILURE_STATUS,
        null);
  }

  /** {@code rateLimit.global}: an Envoy rate limit service behind a Service. */
  RemoteRateLimitPolicy globalRateLimit(GlobalRateLimit g) {
    List<RemoteRateLimitPolicy.Descriptor> descriptors = new ArrayList<>();
    List<RateLimitDescriptor> list = Objects.requireNonNullElse(g.descriptors(), List.of());
    for (RateLimitDescriptor d : list) {
      descriptors.add(
          new RemoteRateLimitPolicy.Descriptor(
              Objects.requireNonNullElse(
                      d.entries(), List.<dev.agentgateway.crds.policy.DescriptorEntry>of())
                  .stream()
                  .map(x -> new RemoteRateLimitPolicy.Entry(x.name(), x.expression()))
                  .toList()));
    }
    return new RemoteRateLimitPolicy(
        service(g.backendRef(), g.url()),
        g.domain(),
        descriptors,
        g.failureMode() == FailureMode.FAIL_OPEN
            ? RemoteRateLimitPolicy.FailureMode.FAIL_OPEN
            : RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED,
        null);
  }

  /** {@code transformation}: header values and bodies are CEL. */
  static TransformationPolicy transformation(TrafficTransformation t) {
    return new TransformationPolicy(transform(t.request()), transform(t.response()));
  }

  private static TransformationPolicy.Transform transform(TransformationRequest r) {
    if (r == null) {
      return null;
    }
    return new TransformationPolicy.Transform(
        headers(r.add()),
        headers(r.set()),
        Objects.requireNonNullElse(r.remove(), List.of()),
        r.body());
  }

  private static List<HeaderValue> headers(List<HeaderExpression> list) {
    return Objects.requireNonNullElse(list, List.<HeaderExpression>of()).stream()
        .map(h -> new HeaderValue(h.name(), h.value()))
        .toList();
  }

  /** {@code buffer}: {@code maxBytes} is a Kubernetes quantity; FailClosed is the default. */
  static BufferPolicy buffer(Buffer b) {
    return new BufferPolicy(limit("request", b.request()), limit("response", b.response()));
  }

  private static BufferPolicy.Limit limit(String field, BufferRequest r) {
    if (r == null) {
      return null;
    }
    Long max = r.maxBytes() == null ? null : bytes(field + ".maxBytes", r.maxBytes());
    return new BufferPolicy.Limit(max, r.failureMode() == FailureMode.FAIL_OPEN);
  }

  /** A Kubernetes quantity of bytes ({@code 1Ki}, {@code 4096}). */
  private static long bytes(String field, IntOrString quantity) {
    String text =
        quantity.getIntVal() != null ? quantity.getIntVal().toString() : quantity.getStrVal();
    try {
      return Quantity.getAmountInBytes(new Quantity(text)).longValueExact();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new FieldError(field, "not a whole number of bytes: " + text);
    }
  }

  /**
   * {@code forwardBody}: up to {@code maxSize} bytes go to the check; a larger body is refused
   * (413), as Envoy does without {@code allow_partial_message}, so the service never decides on a
   * body it has not seen whole.
   */
  private static ExtAuthzPolicy.BodyOptions forwardBody(ForwardBody f) {
    if (f == null) {
      return null;
    }
    long max = bytes("forwardBody.maxSize", f.maxSize());
    if (max < 1 || max > Integer.MAX_VALUE) {
      throw new FieldError("forwardBody.maxSize", "must be from 1 byte to 2Gi");
    }
    return new ExtAuthzPolicy.BodyOptions((int) max, false, false);
  }

  /** A backendRef to a port of a Service in the policy's namespace. */
  private Backend.Service service(BackendRef ref, String url) {
    if (url != null || ref == null) {
      throw new FieldError("url", "only backendRef is supported yet");
    }
    return LocalServiceRef.resolve("backendRef", ref, namespace);
  }
}

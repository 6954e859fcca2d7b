package dev.agentgateway.proxy.policy.transform;

import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import java.nio.charset.StandardCharsets;

/**
 * A route's {@code transformations}, {@code buffer} and {@code directResponse.bodyExpression},
 * compiled once. A route without any of them has none of these ({@link #compile} returns null), so
 * its requests build no CEL variables and hold no bodies.
 */
public final class TransformPolicies {
  private final CompiledTransform request;
  private final CompiledTransform response;
  private final CelExpression directBody;
  private final Hold requestHold;
  private final Hold responseHold;

  /**
   * How much of a body to hold in memory before passing it on.
   *
   * @param limit the most bytes held; 0 holds nothing
   * @param required a larger body is refused, rather than streamed through unchanged
   */
  public record Hold(long limit, boolean required) {
    /** Holds nothing. */
    public static final Hold NONE = new Hold(0, false);

    /** True when a body is held. */
    public boolean holds() {
      return limit > 0;
    }
  }

  private TransformPolicies(
      CompiledTransform request,
      CompiledTransform response,
      CelExpression directBody,
      Hold requestHold,
      Hold responseHold) {
    this.request = request;
    this.response = response;
    this.directBody = directBody;
    this.requestHold = requestHold;
    this.responseHold = responseHold;
  }

  /**
   * Compiles the policies of {@code p}; null when it has none of them. The CEL engine is built only
   * when an expression needs it.
   *
   * @param maxBufferSize the listener's {@code maxBufferSize}: the limit where none is given
   * @throws dev.agentgateway.proxy.policy.cel.CelCompileException if an expression does not compile
   */
  public static TransformPolicies compile(RoutePolicies p, LazyCelEngine cel, long maxBufferSize) {
    if (p == null) {
      return null;
    }
    TransformationPolicy t = p.transformations();
    BufferPolicy buffer = p.buffer();
    DirectResponse direct = p.directResponse();
    String directExpression = direct == null ? null : direct.bodyExpression();
    if (t == null && buffer == null && directExpression == null) {
      return null;
    }
    CelEngine engine = t == null && directExpression == null ? null : cel.get();
    CompiledTransform request = t == null ? null : CompiledTransform.compile(t.request(), engine);
    CompiledTransform response = t == null ? null : CompiledTransform.compile(t.response(), engine);
    CelExpression directBody = directExpression == null ? null : engine.compile(directExpression);
    return new TransformPolicies(
        request,
        response,
        directBody,
        hold(request, buffer == null ? null : buffer.request(), maxBufferSize),
        hold(response, buffer == null ? null : buffer.response(), maxBufferSize));
  }

  /**
   * An expression that reads the body must see all of it: such a body is held up to the larger of
   * the buffer limit and {@code maxBufferSize}, and a larger one refused. A replaced body need not
   * be read; a buffer alone refuses what it cannot hold unless it fails open.
   */
  private static Hold hold(CompiledTransform transform, BufferPolicy.Limit limit, long max) {
    boolean reads = transform != null && transform.readsBody();
    long bufferLimit = limit == null ? 0 : limit.maxBytes() == null ? max : limit.maxBytes();
    if (reads) {
      return new Hold(Math.max(Math.max(bufferLimit, max), 1), true);
    }
    if (limit != null && bufferLimit > 0) {
      return new Hold(bufferLimit, !limit.failOpen());
    }
    return Hold.NONE;
  }

  /** The request's transformation, or null. */
  public CompiledTransform request() {
    return request;
  }

  /** The response's transformation, or null. */
  public CompiledTransform response() {
    return response;
  }

  /** How much of the request body to hold before forwarding. */
  public Hold requestHold() {
    return requestHold;
  }

  /** How much of the response body to hold before answering. */
  public Hold responseHold() {
    return responseHold;
  }

  /** True when the response is changed or held, so it cannot stream straight through. */
  public boolean handlesResponse() {
    return response != null || responseHold.holds();
  }

  /** True when the direct response's body is computed per request. */
  public boolean computesDirectBody() {
    return directBody != null;
  }

  /**
   * The direct response's body over {@code activation}.
   *
   * @throws CelEvaluationError when it does not evaluate
   */
  public byte[] directBody(CelActivation activation) throws CelEvaluationError {
    Object value = directBody.evaluate(activation);
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }
}

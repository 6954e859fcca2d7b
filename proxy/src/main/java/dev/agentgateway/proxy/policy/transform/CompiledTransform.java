package dev.agentgateway.proxy.policy.transform;

import com.google.protobuf.ByteString;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One direction of a {@code transformations} policy with every expression compiled. A header whose
 * expression does not evaluate (a missing header, a type error) is left out, as upstream does, and
 * so is a value with line breaks, which could split the header; a body that does not evaluate is
 * kept as it was.
 */
public final class CompiledTransform {
  private static final System.Logger LOGGER = System.getLogger(CompiledTransform.class.getName());

  /** {@code request.body} or {@code response.body} read anywhere in an expression. */
  private static final Pattern READS_BODY =
      Pattern.compile("\\b(request|response)\\s*(\\.\\s*body\\b|\\[\\s*[\"']body[\"']\\s*])");

  private final HeaderName[] addNames;
  private final CelExpression[] addValues;
  private final HeaderName[] setNames;
  private final CelExpression[] setValues;
  private final HeaderName[] remove;
  private final CelExpression body;
  private final boolean readsBody;

  private CompiledTransform(
      HeaderName[] addNames,
      CelExpression[] addValues,
      HeaderName[] setNames,
      CelExpression[] setValues,
      HeaderName[] remove,
      CelExpression body,
      boolean readsBody) {
    this.addNames = addNames;
    this.addValues = addValues;
    this.setNames = setNames;
    this.setValues = setValues;
    this.remove = remove;
    this.body = body;
    this.readsBody = readsBody;
  }

  /**
   * Compiles {@code transform}, or returns null when it is absent.
   *
   * @throws dev.agentgateway.proxy.policy.cel.CelCompileException if an expression does not compile
   */
  static CompiledTransform compile(TransformationPolicy.Transform transform, CelEngine engine) {
    if (transform == null || transform.isEmpty()) {
      return null;
    }
    boolean readsBody = transform.body() != null && readsBody(transform.body());
    List<HeaderValue> add = transform.add();
    HeaderName[] addNames = new HeaderName[add.size()];
    CelExpression[] addValues = new CelExpression[add.size()];
    for (int i = 0; i < addNames.length; i++) {
      addNames[i] = HeaderNames.create(add.get(i).name());
      addValues[i] = engine.compile(add.get(i).value());
      readsBody |= readsBody(add.get(i).value());
    }
    List<HeaderValue> set = transform.set();
    HeaderName[] setNames = new HeaderName[set.size()];
    CelExpression[] setValues = new CelExpression[set.size()];
    for (int i = 0; i < setNames.length; i++) {
      setNames[i] = HeaderNames.create(set.get(i).name());
      setValues[i] = engine.compile(set.get(i).value());
      readsBody |= readsBody(set.get(i).value());
    }
    HeaderName[] remove = new HeaderName[transform.remove().size()];
    for (int i = 0; i < remove.length; i++) {
      remove[i] = HeaderNames.create(transform.remove().get(i));
    }
    CelExpression body = transform.body() == null ? null : engine.compile(transform.body());
    return new CompiledTransform(addNames, addValues, setNames, setValues, remove, body, readsBody);
  }

  /**
   * Whether {@code expression} reads a body. A textual test: it may see a body in a string literal
   * and buffer needlessly, but never misses a read, which is the costly mistake.
   */
  static boolean readsBody(String expression) {
    return READS_BODY.matcher(expression).find();
  }

  /** True when an expression reads the body, which must then be held in memory first. */
  public boolean readsBody() {
    return readsBody;
  }

  /** True when the body is replaced. */
  public boolean replacesBody() {
    return body != null;
  }

  /** The header changes over {@code activation}. */
  public HeaderEdits headers(CelActivation activation) {
    return new HeaderEdits(
        headers(addNames, addValues, activation), headers(setNames, setValues, activation), remove);
  }

  private static Header[] headers(
      HeaderName[] names, CelExpression[] values, CelActivation activation) {
    Header[] out = new Header[names.length];
    for (int i = 0; i < out.length; i++) {
      String value = text(values[i], activation);
      if (value != null && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
        out[i] = HeaderValues.create(names[i], value);
      }
    }
    return out;
  }

  /** The new body over {@code activation}, or null to keep the old one. */
  public byte[] body(CelActivation activation) {
    if (body == null) {
      return null;
    }
    Object value = value(body, activation);
    return switch (value) {
      case null -> null;
      case ByteString bytes -> bytes.toByteArray();
      default -> String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String text(CelExpression expression, CelActivation activation) {
    Object value = value(expression, activation);
    return switch (value) {
      case null -> null;
      case ByteString bytes -> bytes.toStringUtf8();
      default -> String.valueOf(value);
    };
  }

  private static Object value(CelExpression expression, CelActivation activation) {
    try {
      return expression.evaluate(activation);
    } catch (CelEvaluationError e) {
      LOGGER.log(System.Logger.Level.DEBUG, "transformation skipped: " + e.getMessage());
      return null;
    }
  }
}

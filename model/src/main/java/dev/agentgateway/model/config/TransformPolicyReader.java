package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.TransformationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the route policies {@code transformations} and {@code buffer}. CEL expressions are only
 * checked to be present here; the proxy compiles them when it loads the config.
 */
final class TransformPolicyReader {
  private TransformPolicyReader() {}

  /** {@code transformations: {request, response}}; the conditional form is not supported yet. */
  static TransformationPolicy transformations(ConfigNode node) {
    if (!node.mapping(UpstreamFields.TRANSFORMATIONS) || node.field("conditional").present()) {
      return null;
    }
    TransformationPolicy.Transform request = transform(node.field("request"));
    TransformationPolicy.Transform response = transform(node.field("response"));
    if (request == null && response == null) {
      return null;
    }
    return new TransformationPolicy(request, response);
  }

  private static TransformationPolicy.Transform transform(ConfigNode node) {
    if (!node.mapping(UpstreamFields.TRANSFORM)) {
      return null;
    }
    List<String> remove = new ArrayList<>();
    for (ConfigNode name : node.field("remove").list()) {
      String text = name.requiredText();
      if (text != null && headerName(name, text)) {
        remove.add(text);
      }
    }
    ConfigNode bodyNode = node.field("body");
    String body = bodyNode.present() ? expression(bodyNode) : null;
    TransformationPolicy.Transform transform =
        new TransformationPolicy.Transform(
            expressions(node.field("add")), expressions(node.field("set")), remove, body);
    return transform.isEmpty() ? null : transform;
  }

  /** A map of header name to CEL expression. */
  private static List<HeaderValue> expressions(ConfigNode map) {
    List<HeaderValue> out = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
      String expression = expression(entry.getValue());
      if (headerName(entry.getValue(), entry.getKey()) && expression != null) {
        out.add(new HeaderValue(entry.getKey(), expression));
      }
    }
    return out;
  }

  private static String expression(ConfigNode node) {
    String text = node.requiredText();
    if (text != null && text.isBlank()) {
      node.error("CEL expression must not be blank");
      return null;
    }
    return text;
  }

  private static boolean headerName(ConfigNode node, String name) {
    if (name.startsWith(":")) {
      node.error("pseudo-headers such as " + name + " are not supported yet");
      return false;
    }
    if (!HeaderNames.isToken(name)) {
      node.error("invalid header name");
      return false;
    }
    return true;
  }

  /** {@code buffer: {request, response}}, each {@code {maxBytes, failureMode}}. */
  static BufferPolicy buffer(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BUFFER)) {
      return null;
    }
    BufferPolicy.Limit request = limit(node.field("request"));
    BufferPolicy.Limit response = limit(node.field("response"));
    if (request == null && response == null) {
      return null;
    }
    return new BufferPolicy(request, response);
  }

  private static BufferPolicy.Limit limit(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BUFFER_BODY)) {
      return null;
    }
    Long maxBytes = node.field("maxBytes").integer(0L, Integer.MAX_VALUE - 8L);
    ConfigNode modeNode = node.field("failureMode");
    String mode = modeNode.present() ? modeNode.choice(List.of("failClosed", "failOpen")) : null;
    if (modeNode.present() && mode == null) {
      return null;
    }
    return new BufferPolicy.Limit(maxBytes, "failOpen".equals(mode));
  }
}

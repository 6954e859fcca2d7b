package dev.agentgateway.control.translate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks a policy spec's {@code traffic}, {@code backend} and {@code frontend} sections as JSON:
 * which fields the translation does not map (so none is dropped silently), and which fields hold
 * CEL. Field paths are written as in the CRD, array elements as {@code []} in patterns and {@code
 * [i]} in messages.
 */
final class SpecWalk {
  /** Fields whose whole subtree the translation maps onto the IR. */
  static final Set<String> MAPPED =
      Set.of(
          "traffic.cors",
          "traffic.rateLimit.local",
          "traffic.jwtAuthentication",
          "traffic.headerModifiers",
          "traffic.timeouts",
          "traffic.retry.attempts",
          "traffic.retry.backoff",
          "traffic.retry.codes",
          "traffic.directResponse.status",
          "traffic.directResponse.body",
          "traffic.directResponse.bodyExpression",
          "traffic.retry.condition",
          "traffic.retry.precondition",
          "traffic.authorization",
          "traffic.csrf",
          "traffic.extAuth.backendRef",
          "traffic.extAuth.failureMode",
          "traffic.extAuth.forwardBody",
          "traffic.extAuth.grpc.contextExtensions",
          "traffic.extAuth.http.allowedRequestHeaders",
          "traffic.extAuth.http.allowedResponseHeaders",
          "traffic.rateLimit.global.backendRef",
          "traffic.rateLimit.global.domain",
          "traffic.rateLimit.global.failureMode",
          "traffic.rateLimit.global.descriptors[].entries",
          "traffic.transformation.request.add",
          "traffic.transformation.request.set",
          "traffic.transformation.request.remove",
          "traffic.transformation.request.body",
          "traffic.transformation.response.add",
          "traffic.transformation.response.set",
          "traffic.transformation.response.remove",
          "traffic.transformation.response.body",
          "traffic.buffer",
          "traffic.basicAuthentication.users",
          "traffic.basicAuthentication.secretRef",
          "traffic.basicAuthentication.realm",
          "traffic.basicAuthentication.mode",
          "traffic.basicAuthentication.location",
          "traffic.apiKeyAuthentication.location",
          "traffic.apiKeyAuthentication.secretRef",
          "traffic.apiKeyAuthentication.secretSelector",
          "traffic.apiKeyAuthentication.mode",
          "traffic.phase",
          "traffic.hostRewrite",
          "backend.tls.caCertificateRefs",
          "backend.tls.mtlsCertificateRef",
          "backend.tls.sni",
          "backend.tls.verifySubjectAltNames",
          "backend.tls.insecureSkipVerify",
          "backend.tls.alpnProtocols",
          "backend.tls.certificateSource",
          "backend.auth.key",
          "backend.auth.secretRef",
          "backend.auth.passthrough",
          "backend.health",
          "backend.tcp",
          "backend.http",
          "backend.mcp.authorization",
          "backend.ai.modelAliases",
          "backend.ai.prompt",
          "backend.ai.routes",
          "backend.ai.promptGuard.streaming",
          "backend.ai.promptGuard.request[].regex",
          "backend.ai.promptGuard.request[].response",
          "backend.ai.promptGuard.request[].scope",
          "backend.ai.promptGuard.request[].webhook.backendRef",
          "backend.ai.promptGuard.request[].webhook.failureMode",
          "backend.ai.promptGuard.response[].regex",
          "backend.ai.promptGuard.response[].response",
          "backend.ai.promptGuard.response[].webhook.backendRef",
          "backend.ai.promptGuard.response[].webhook.failureMode",
          "frontend.accessLog.filter",
          "frontend.accessLog.attributes",
          "frontend.tracing.attributes",
          "frontend.tracing.backendRef",
          "frontend.tracing.url",
          "frontend.tracing.protocol",
          "frontend.tracing.path",
          "frontend.tracing.randomSampling",
          "frontend.tracing.clientSampling",
          "frontend.http.http1IdleTimeout",
          "frontend.http.http1MaxHeaders",
          "frontend.http.http2FrameSize",
          "frontend.http.http2MaxHeaderSize",
          "frontend.http.http2WindowSize",
          "frontend.http.maxBufferSize",
          "frontend.tcp.keepalive",
          "frontend.tls.alpnProtocols",
          "frontend.tls.cipherSuites",
          "frontend.tls.handshakeTimeout",
          "frontend.tls.maxProtocolVersion",
          "frontend.tls.minProtocolVersion");

  /**
   * Unmapped fields that only tune cost, never what is allowed: ignoring them keeps the policy's
   * meaning, so the rest of the policy still applies (reported as PartiallyValid).
   */
  static final Set<String> ADVISORY = Set.of("backend.ai.promptCaching");

  /** Leaf names whose string values are CEL, wherever they appear. */
  private static final Set<String> CEL_LEAVES =
      Set.of(
          "condition",
          "precondition",
          "bodyExpression",
          "expression",
          "cost",
          "limitOverride",
          "unhealthyCondition",
          "matchExpressions[]");

  /** CEL fields recognized by their place: transformations' header values and bodies. */
  private static final Pattern CEL_PATHS =
      Pattern.compile(
          ".*transformation(\\.conditional\\[\\]\\.policy)?\\.(request|response)"
              + "\\.((add|set)\\[\\]\\.value|body)");

  /** The spec sections walked. */
  private static final List<String> SECTIONS = List.of("traffic", "backend", "frontend");

  /** The frontend's CEL fields: access log and tracing filters and sampling rules. */
  private static final Pattern FRONTEND_CEL =
      Pattern.compile("frontend\\.(accessLog\\.filter|tracing\\.(randomSampling|clientSampling))");

  private SpecWalk() {}

  /** The unmapped fields of {@code spec} (its traffic and backend sections), as patterns. */
  static Set<String> unmapped(JsonNode spec) {
    Set<String> out = new LinkedHashSet<>();
    for (String section : SECTIONS) {
      if (spec.has(section)) {
        unmapped(spec.get(section), section, out);
      }
    }
    return out;
  }

  private static void unmapped(JsonNode node, String pattern, Set<String> out) {
    if (MAPPED.contains(pattern)) {
      return;
    }
    if (!isPrefixOfMapped(pattern)) {
      out.add(pattern);
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        unmapped(e.getValue(), pattern + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        unmapped(element, pattern + "[]", out);
      }
    } else {
      out.add(pattern);
    }
  }

  private static boolean isPrefixOfMapped(String pattern) {
    for (String m : MAPPED) {
      if (m.startsWith(pattern + ".") || m.startsWith(pattern + "[]")) {
        return true;
      }
    }
    return false;
  }

  /** A CEL expression found in a spec, with its path (indices included). */
  record Expression(String path, String text) {}

  /** Every CEL expression of {@code spec}'s traffic and backend sections, in document order. */
  static List<Expression> expressions(JsonNode spec) {
    List<Expression> out = new java.util.ArrayList<>();
    for (String section : SECTIONS) {
      if (spec.has(section)) {
        expressions(spec.get(section), section, section, out);
      }
    }
    return out;
  }

  private static void expressions(
      JsonNode node, String pattern, String path, List<Expression> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        expressions(e.getValue(), pattern + "." + e.getKey(), path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        expressions(node.get(i), pattern + "[]", path + "[" + i + "]", out);
      }
    } else if (node.isTextual() && isCel(pattern)) {
      out.add(new Expression(path, node.asText()));
    }
  }

  private static boolean isCel(String pattern) {
    String leaf = pattern.substring(pattern.lastIndexOf('.') + 1);
    return CEL_LEAVES.contains(leaf)
        || CEL_PATHS.matcher(pattern).matches()
        || FRONTEND_CEL.matcher(pattern).matches();
  }
}

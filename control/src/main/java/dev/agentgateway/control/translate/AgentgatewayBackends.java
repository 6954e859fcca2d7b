package dev.agentgateway.control.translate;

import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackendSpec;
import dev.agentgateway.crds.backend.StaticBackend;
import dev.agentgateway.model.ir.Backend;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AgentgatewayBackends as route backends: the IR each one becomes, or why it cannot yet, and the
 * Accepted condition its status reports. Only {@code static} host:port backends have IR so far; the
 * MCP, AI and AWS kinds arrive with the issues that add their IR.
 */
final class AgentgatewayBackends {
  static final String GROUP = "agentgateway.dev";
  static final String KIND = "AgentgatewayBackend";

  /**
   * One backend translated: its IR, or the reason and message of the refusal.
   *
   * @param backend the IR backend, or null
   * @param reason why not (a condition reason), or null
   * @param message the explanation, or null
   */
  record Translated(Backend backend, String reason, String message) {
    boolean ok() {
      return backend != null;
    }

    static Translated refused(String reason, String message) {
      return new Translated(null, reason, message);
    }
  }

  private AgentgatewayBackends() {}

  /** Translates {@code backend}'s spec. */
  static Translated translate(AgentgatewayBackend backend) {
    AgentgatewayBackendSpec spec = backend.getSpec();
    String kind = spec == null ? null : kind(spec);
    if (kind == null) {
      return Translated.refused(
          "Invalid", "exactly one of ai, static, dynamicForwardProxy, mcp or aws must be set");
    }
    if (spec.policies() != null) {
      // Dropping them would, for example, send plaintext where backend TLS was asked for.
      return Translated.refused(
          "UnsupportedValue", "AgentgatewayBackend policies are not supported yet");
    }
    if (!kind.equals("static")) {
      return Translated.refused(
          "UnsupportedValue", "AgentgatewayBackend " + kind + " backends are not supported yet");
    }
    StaticBackend s = spec.staticValue();
    if (s.unixPath() != null) {
      return Translated.refused(
          "UnsupportedValue", "AgentgatewayBackend static unixPath backends are not supported yet");
    }
    if (s.host() == null || s.port() == null || s.port() < 1 || s.port() > 65535) {
      return Translated.refused("Invalid", "static backends need a host and a port in 1-65535");
    }
    return new Translated(new Backend.Host(s.host(), s.port()), null, null);
  }

  /** The status conditions of every backend: Accepted when it translates. */
  static Map<ObjectKey, List<Condition>> statuses(List<AgentgatewayBackend> backends) {
    Map<ObjectKey, List<Condition>> out = new TreeMap<>();
    for (AgentgatewayBackend b : backends) {
      Translated t = translate(b);
      out.put(
          ObjectKey.of(b),
          List.of(
              t.ok()
                  ? Conditions.of(b, "Accepted", true, "Accepted", "Backend is accepted")
                  : Conditions.of(b, "Accepted", false, t.reason(), t.message())));
    }
    return out;
  }

  private static String kind(AgentgatewayBackendSpec spec) {
    int set = 0;
    String kind = null;
    if (spec.ai() != null) {
      set++;
      kind = "ai";
    }
    if (spec.aws() != null) {
      set++;
      kind = "aws";
    }
    if (spec.dynamicForwardProxy() != null) {
      set++;
      kind = "dynamicForwardProxy";
    }
    if (spec.mcp() != null) {
      set++;
      kind = "mcp";
    }
    if (spec.staticValue() != null) {
      set++;
      kind = "static";
    }
    return set == 1 ? kind : null;
  }
}

package dev.agentgateway.control.translate;

import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackendSpec;
import dev.agentgateway.crds.backend.StaticBackend;
import dev.agentgateway.model.ir.Backend;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AgentgatewayBackends as route backends: the IR each one becomes, or why it cannot, and the
 * Accepted condition its status reports. Static, a2a, mcp and ai backends translate; aws,
 * dynamicForwardProxy and backend policies are refused as not supported yet.
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
  }

  /** Thrown while translating one backend; becomes its Accepted=False condition. */
  static final class Refusal extends RuntimeException {
    private final String reason;

    Refusal(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  private final McpBackends mcp;

  /**
   * @param services every Service, for MCP backendRef and selector targets
   * @param namespaceLabels labels by namespace name, for MCP selector targets
   * @param stdioEnabled whether MCP stdio targets are allowed
   */
  AgentgatewayBackends(
      List<Service> services,
      Map<String, Map<String, String>> namespaceLabels,
      boolean stdioEnabled) {
    this.mcp = new McpBackends(services, namespaceLabels, stdioEnabled);
  }

  /** The IR name of a backend: {@code namespace/name}. */
  static String name(AgentgatewayBackend backend) {
    return backend.getMetadata().getNamespace() + "/" + backend.getMetadata().getName();
  }

  /** Translates {@code backend}'s spec. */
  Translated translate(AgentgatewayBackend backend) {
    try {
      return new Translated(backend(backend), null, null);
    } catch (Refusal r) {
      return new Translated(null, r.reason, r.getMessage());
    }
  }

  private Backend backend(AgentgatewayBackend backend) {
    AgentgatewayBackendSpec spec = backend.getSpec();
    List<String> kinds = spec == null ? List.of() : kinds(spec);
    if (kinds.size() != 1) {
      throw new Refusal(
          "Invalid", "exactly one of ai, static, dynamicForwardProxy, mcp, aws or a2a must be set");
    }
    if (spec.policies() != null) {
      // Dropping them would, for example, send plaintext where backend TLS was asked for.
      throw new Refusal("UnsupportedValue", "AgentgatewayBackend policies are not supported yet");
    }
    return switch (kinds.get(0)) {
      case "static" -> staticBackend(spec.staticValue());
      case "a2a" -> new Backend.A2a(host(spec.a2a().host(), spec.a2a().port(), "a2a"));
      case "mcp" -> mcp.translate(backend, spec.mcp());
      case "ai" -> AiBackends.translate(backend, spec.ai());
      default ->
          throw new Refusal(
              "UnsupportedValue",
              "AgentgatewayBackend " + kinds.get(0) + " backends are not supported yet");
    };
  }

  private static Backend staticBackend(StaticBackend s) {
    if (s.unixPath() != null) {
      throw new Refusal(
          "UnsupportedValue", "AgentgatewayBackend static unixPath backends are not supported yet");
    }
    return host(s.host(), s.port(), "static");
  }

  private static Backend.Host host(String host, Integer port, String kind) {
    if (host == null || host.isBlank() || port == null || port < 1 || port > 65535) {
      throw new Refusal("Invalid", kind + " backends need a host and a port in 1-65535");
    }
    return new Backend.Host(host, port);
  }

  /** The status conditions of every backend: Accepted when it translates. */
  Map<ObjectKey, List<Condition>> statuses(List<AgentgatewayBackend> backends) {
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

  private static List<String> kinds(AgentgatewayBackendSpec spec) {
    List<String> kinds = new ArrayList<>();
    if (spec.a2a() != null) {
      kinds.add("a2a");
    }
    if (spec.ai() != null) {
      kinds.add("ai");
    }
    if (spec.aws() != null) {
      kinds.add("aws");
    }
    if (spec.dynamicForwardProxy() != null) {
      kinds.add("dynamicForwardProxy");
    }
    if (spec.mcp() != null) {
      kinds.add("mcp");
    }
    if (spec.staticValue() != null) {
      kinds.add("static");
    }
    return kinds;
  }
}

package dev.agentgateway.control.translate;

import dev.agentgateway.control.translate.AgentgatewayBackends.Refusal;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.McpBackend;
import dev.agentgateway.crds.backend.McpStaticTarget;
import dev.agentgateway.crds.backend.McpStdioEnvVar;
import dev.agentgateway.crds.backend.McpTargetSelector;
import dev.agentgateway.crds.backend.Protocol;
import dev.agentgateway.crds.common.FailureMode;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code mcp} section of an AgentgatewayBackend as an IR {@link Backend.Mcp}: static targets as
 * written, selector targets expanded to every selected Service port whose appProtocol names an MCP
 * transport, and stdio targets when the controller allows them.
 */
final class McpBackends {
  static final String APP_PROTOCOL_MCP = "agentgateway.dev/mcp";
  static final String APP_PROTOCOL_MCP_SSE = "agentgateway.dev/mcp-sse";
  static final String PATH_ANNOTATION = "agentgateway.dev/mcp-path";
  static final String LEGACY_PATH_ANNOTATION = "kgateway.dev/mcp-path";
  static final String TARGET_NAME_ANNOTATION = "agentgateway.dev/mcp-target-name";

  private final List<Service> services;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final boolean stdioEnabled;

  McpBackends(
      List<Service> services,
      Map<String, Map<String, String>> namespaceLabels,
      boolean stdioEnabled) {
    this.services = services;
    this.namespaceLabels = namespaceLabels;
    this.stdioEnabled = stdioEnabled;
  }

  /** The IR backend, or throws the refusal its status reports. */
  Backend.Mcp translate(AgentgatewayBackend backend, McpBackend mcp) {
    String ns = backend.getMetadata().getNamespace();
    List<McpTarget> targets = new ArrayList<>();
    for (dev.agentgateway.crds.backend.McpTarget t : mcp.targets()) {
      String at = "target " + t.name();
      if (t.staticValue() != null) {
        targets.add(staticTarget(ns, t.name(), t.staticValue(), at));
      } else if (t.selector() != null) {
        targets.addAll(selected(ns, t.selector()));
      } else if (t.stdio() != null) {
        if (!stdioEnabled) {
          throw new Refusal(
              "StdioNotEnabled",
              at
                  + ": stdio targets run commands inside the proxy pod and are off; start the"
                  + " controller with AGW_MCP_STDIO_ENABLED=true to allow them");
        }
        List<McpTarget.EnvVar> env =
            Objects.requireNonNullElse(t.stdio().env(), List.<McpStdioEnvVar>of()).stream()
                .map(e -> new McpTarget.EnvVar(e.name(), Objects.requireNonNullElse(e.value(), "")))
                .toList();
        targets.add(
            new McpTarget.Stdio(
                t.name(),
                t.stdio().cmd(),
                Objects.requireNonNullElse(t.stdio().args(), List.of()),
                env));
      } else {
        throw new Refusal("Invalid", at + ": exactly one of static, selector or stdio must be set");
      }
    }
    if (targets.isEmpty()) {
      throw new Refusal("NoTargets", "no Service matched any selector target");
    }
    Set<String> names = new HashSet<>();
    for (McpTarget t : targets) {
      if (!names.add(t.name())) {
        throw new Refusal(
            "Invalid",
            "two targets are named "
                + t.name()
                + "; give selected Services distinct names with the "
                + TARGET_NAME_ANNOTATION
                + " annotation");
      }
    }
    return new Backend.Mcp(
        AgentgatewayBackends.name(backend),
        targets,
        mcp.prefixMode() == null
            ? Backend.Mcp.PrefixMode.CONDITIONAL
            : Backend.Mcp.PrefixMode.valueOf(mcp.prefixMode().name()),
        mcp.failureMode() == FailureMode.FAIL_OPEN
            ? Backend.Mcp.FailureMode.FAIL_OPEN
            : Backend.Mcp.FailureMode.FAIL_CLOSED,
        mcp.sessionRouting() != dev.agentgateway.crds.backend.SessionRouting.STATELESS);
  }

  private McpTarget staticTarget(String ns, String name, McpStaticTarget s, String at) {
    if (s.policies() != null) {
      throw new Refusal("UnsupportedValue", at + ": target policies are not supported yet");
    }
    McpTarget.Transport transport =
        s.protocol() == Protocol.SSE
            ? McpTarget.Transport.SSE
            : McpTarget.Transport.STREAMABLE_HTTP;
    Backend upstream;
    if (s.backendRef() != null) {
      String service = Objects.requireNonNullElse(s.backendRef().name(), "");
      upstream = servicePort(ns, service, s.port(), at);
    } else if (s.host() != null) {
      upstream = new Backend.Host(s.host(), s.port());
    } else {
      throw new Refusal("Invalid", at + ": exactly one of host or backendRef must be set");
    }
    return remote(name, transport, upstream, s.path(), at);
  }

  private Backend.Service servicePort(String ns, String name, Integer port, String at) {
    Service service =
        services.stream()
            .filter(
                s ->
                    ns.equals(s.getMetadata().getNamespace())
                        && name.equals(s.getMetadata().getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new Refusal(
                        "BackendNotFound", at + ": Service " + ns + "/" + name + " not found"));
    if (ports(service).stream().noneMatch(p -> Objects.equals(port, p.getPort()))) {
      throw new Refusal(
          "BackendNotFound", at + ": Service " + ns + "/" + name + " has no port " + port);
    }
    return new Backend.Service(ns, name, port);
  }

  /** Every selected Service port with an MCP appProtocol, in namespace, name and port order. */
  private List<McpTarget> selected(String ns, McpTargetSelector selector) {
    List<McpTarget> out = new ArrayList<>();
    List<Service> sorted = services.stream().sorted(Comparator.comparing(ObjectKey::of)).toList();
    for (Service s : sorted) {
      String sns = s.getMetadata().getNamespace();
      boolean inNamespace =
          selector.namespaces() == null
              ? sns.equals(ns)
              : Selectors.matches(
                  fabric8(selector.namespaces()), namespaceLabels.getOrDefault(sns, Map.of()));
      boolean selected =
          selector.services() == null
              || Selectors.matches(
                  fabric8(selector.services()),
                  Objects.requireNonNullElse(s.getMetadata().getLabels(), Map.of()));
      if (!inNamespace || !selected) {
        continue;
      }
      for (ServicePort p : ports(s)) {
        McpTarget.Transport transport =
            switch (Objects.requireNonNullElse(p.getAppProtocol(), "")) {
              case APP_PROTOCOL_MCP -> McpTarget.Transport.STREAMABLE_HTTP;
              case APP_PROTOCOL_MCP_SSE -> McpTarget.Transport.SSE;
              default -> null;
            };
        if (transport == null) {
          continue;
        }
        Map<String, String> annotations =
            Objects.requireNonNullElse(s.getMetadata().getAnnotations(), Map.of());
        String name = annotations.getOrDefault(TARGET_NAME_ANNOTATION, s.getMetadata().getName());
        String path =
            annotations.getOrDefault(PATH_ANNOTATION, annotations.get(LEGACY_PATH_ANNOTATION));
        out.add(
            remote(
                name,
                transport,
                new Backend.Service(sns, s.getMetadata().getName(), p.getPort()),
                path,
                "Service " + sns + "/" + s.getMetadata().getName()));
      }
    }
    return out;
  }

  private static McpTarget remote(
      String name, McpTarget.Transport transport, Backend upstream, String path, String at) {
    String p = path != null ? path : transport == McpTarget.Transport.SSE ? "/sse" : "/mcp";
    try {
      return new McpTarget.Remote(name, transport, upstream, p);
    } catch (IllegalArgumentException e) {
      throw new Refusal("Invalid", at + ": " + e.getMessage());
    }
  }

  private static List<ServicePort> ports(Service s) {
    return s.getSpec() == null || s.getSpec().getPorts() == null
        ? List.of()
        : s.getSpec().getPorts();
  }

  private static LabelSelector fabric8(dev.agentgateway.crds.backend.LabelSelector selector) {
    List<LabelSelectorRequirement> expressions =
        selector.matchExpressions() == null
            ? null
            : selector.matchExpressions().stream()
                .map(r -> new LabelSelectorRequirement(r.key(), r.operator(), r.values()))
                .toList();
    return new LabelSelector(expressions, selector.matchLabels());
  }
}

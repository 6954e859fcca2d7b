package dev.agentgateway.model.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a route forwards traffic: a plain HTTP upstream ({@link Host}, {@link Service}), or one the
 * proxy speaks a protocol to ({@link A2a}, {@link Mcp}, {@link Ai}).
 */
public sealed interface Backend {

  /** A human-readable name for logs and metrics. */
  String name();

  /** The Service ports this backend sends to, whose endpoints the proxy needs; often none. */
  default List<Service> services() {
    List<Service> out = new ArrayList<>();
    switch (this) {
      case Service s -> out.add(s);
      case Host h -> {}
      case A2a a -> out.addAll(a.upstream().services());
      case Mcp m ->
          m.targets()
              .forEach(
                  t -> {
                    switch (t) {
                      case McpTarget.Remote r -> out.addAll(r.upstream().services());
                      case McpTarget.OpenApi o -> out.addAll(o.upstream().services());
                      case McpTarget.Stdio s -> {}
                    }
                  });
      case Ai ai ->
          ai.groups()
              .forEach(
                  g ->
                      g.forEach(
                          p -> {
                            if (p.hostOverride() != null) {
                              out.addAll(p.hostOverride().services());
                            }
                          }));
    }
    return out;
  }

  /** Checks that {@code upstream} is a plain HTTP upstream, as protocol backends need. */
  static Backend requirePlain(Backend upstream, String what) {
    Objects.requireNonNull(upstream, what);
    if (!(upstream instanceof Host || upstream instanceof Service)) {
      throw new IllegalArgumentException(what + " must be a host or a Service, got " + upstream);
    }
    return upstream;
  }

  /** A static upstream address: {@code host:port} or {@code ip:port}. */
  record Host(String hostname, int port) implements Backend {
    public Host {
      Objects.requireNonNull(hostname, "hostname");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }

    @Override
    public String name() {
      return authority();
    }

    /** The {@code host:port} form, bracketing IPv6 literals. */
    public String authority() {
      return (hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname) + ":" + port;
    }
  }

  /**
   * A Kubernetes Service port; the proxy balances across its ready endpoints, which arrive
   * separately as {@link ServiceEndpoints} so that scaling never touches the routes.
   *
   * <p>The Service's own name is {@code serviceName}, not {@code name}, because {@link #name()} is
   * the backend's display name, which a record component of that name would replace.
   *
   * @param namespace the Service's namespace
   * @param serviceName the Service's name
   * @param port the Service port (not the target port)
   */
  record Service(String namespace, String serviceName, int port) implements Backend {
    public Service {
      ServiceEndpoints.requireServicePort(namespace, serviceName, port);
    }

    /** {@code <namespace>/<serviceName>:<port>}, also the key of its {@link ServiceEndpoints}. */
    @Override
    public String name() {
      return namespace + "/" + serviceName + ":" + port;
    }
  }

  /**
   * An A2A agent: traffic passes through to {@code upstream}, with agent cards rewritten to the
   * gateway's address and JSON-RPC methods observed for telemetry.
   *
   * @param upstream where the agent listens: a host or a Service
   */
  record A2a(Backend upstream) implements Backend {
    public A2a {
      requirePlain(upstream, "a2a upstream");
    }

    @Override
    public String name() {
      return upstream.name();
    }
  }

  /**
   * MCP servers multiplexed behind one endpoint.
   *
   * @param name the backend's name (an AgentgatewayBackend's {@code namespace/name})
   * @param targets the servers, at least one, with unique names
   * @param prefixMode when tool and prompt names carry their target's name
   * @param failureMode what a failing target does to a fan-out
   * @param stateful whether the gateway keeps sessions ({@code Mcp-Session-Id})
   * @param dnsRebindingProtection whether requests must carry a localhost {@code Host} and {@code
   *     Origin} (upstream's opt-in guard for servers a browser on the same machine could reach)
   */
  record Mcp(
      String name,
      List<McpTarget> targets,
      PrefixMode prefixMode,
      FailureMode failureMode,
      boolean stateful,
      boolean dnsRebindingProtection)
      implements Backend {

    /** Without DNS-rebinding protection, upstream's default. */
    public Mcp(
        String name,
        List<McpTarget> targets,
        PrefixMode prefixMode,
        FailureMode failureMode,
        boolean stateful) {
      this(name, targets, prefixMode, failureMode, stateful, false);
    }

    public Mcp {
      Objects.requireNonNull(name, "name");
      targets = List.copyOf(targets);
      Objects.requireNonNull(prefixMode, "prefixMode");
      Objects.requireNonNull(failureMode, "failureMode");
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("an mcp backend needs at least one target");
      }
      Set<String> names = new HashSet<>();
      for (McpTarget t : targets) {
        if (!names.add(t.name())) {
          throw new IllegalArgumentException("duplicate mcp target name: " + t.name());
        }
      }
    }

    /** When tool and prompt names are prefixed with {@code <target>_}. */
    public enum PrefixMode {
      /** Only when there is more than one target. */
      CONDITIONAL,
      ALWAYS,
      NEVER
    }

    /** What a target that fails to initialize or answer does to a fan-out. */
    public enum FailureMode {
      /** The whole request or session fails. */
      FAIL_CLOSED,
      /** The target is skipped; only all of them failing is an error. */
      FAIL_OPEN
    }
  }

  /**
   * LLM providers behind an OpenAI-compatible endpoint.
   *
   * @param name the backend's name
   * @param groups priority groups, first preferred; the providers of a group share its load
   */
  record Ai(String name, List<List<AiProvider>> groups) implements Backend {
    public Ai {
      Objects.requireNonNull(name, "name");
      groups = groups.stream().map(List::copyOf).toList();
      if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
        throw new IllegalArgumentException("an ai backend needs providers in every group");
      }
      Set<String> names = new HashSet<>();
      for (List<AiProvider> group : groups) {
        for (AiProvider p : group) {
          if (!names.add(p.name())) {
            throw new IllegalArgumentException("duplicate ai provider name: " + p.name());
          }
        }
      }
    }
  }
}

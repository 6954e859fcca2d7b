package dev.agentgateway.proxy.frontend;

import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The effective frontend policies of each bind of one config: the policies targeting the bind's
 * Gateway, then those targeting one of its listeners, merged by part (most specific wins, and of
 * two equally specific ones the later). A bind is one server socket, so a listener-targeted policy
 * applies to the whole port its listener is on.
 */
public final class FrontendIndex {
  private final GatewayConfig config;
  private final Map<String, FrontendPolicies> byBind;
  private final Map<Integer, FrontendPolicies> byPort;

  private FrontendIndex(GatewayConfig config) {
    this.config = config;
    Map<String, FrontendPolicies> bind = new HashMap<>();
    Map<Integer, FrontendPolicies> port = new HashMap<>();
    for (Bind b : config.binds()) {
      FrontendPolicies f = resolve(config, b);
      bind.put(b.key(), f);
      port.put(b.port(), f);
    }
    this.byBind = Map.copyOf(bind);
    this.byPort = Map.copyOf(port);
  }

  /** The index of {@code config}. */
  public static FrontendIndex of(GatewayConfig config) {
    return new FrontendIndex(config);
  }

  /**
   * Keeps the index of the last config asked for, so the data path (which reads the same config for
   * every request until a change) resolves each config once.
   */
  public static final class Cache {
    private final AtomicReference<FrontendIndex> last = new AtomicReference<>();

    /** The index of {@code config}, resolved on the first call for it. */
    public FrontendIndex of(GatewayConfig config) {
      FrontendIndex index = last.get();
      if (index != null && index.config == config) {
        return index;
      }
      index = new FrontendIndex(config);
      last.set(index);
      return index;
    }
  }

  /** The frontend policies of {@code bindKey}; {@link FrontendPolicies#NONE} when none. */
  public FrontendPolicies bind(String bindKey) {
    return byBind.getOrDefault(bindKey, FrontendPolicies.NONE);
  }

  /** The HTTP limits of the bind on {@code port}: a policy's, else the config's. */
  public FrontendHttp http(int port) {
    FrontendPolicies f = byPort.get(port);
    return f != null && f.http() != null ? f.http() : config.frontendHttp();
  }

  /** The HTTP limits of {@code bind}: a policy's, else the config's. */
  public FrontendHttp http(Bind bind) {
    return http(bind.port());
  }

  /** Resolves the policies reaching {@code bind}, least specific first. */
  static FrontendPolicies resolve(GatewayConfig config, Bind bind) {
    List<Listener> listeners =
        config.listeners().stream().filter(l -> l.bindKey().equals(bind.key())).toList();
    List<Policy> gateway = new ArrayList<>();
    List<Policy> listener = new ArrayList<>();
    for (Policy p : config.policies()) {
      if (p.frontend() == null) {
        continue;
      }
      PolicyTarget t = p.target();
      boolean reaches =
          (t.kind() == PolicyTarget.Kind.GATEWAY && t.name().isEmpty())
              || listeners.stream().anyMatch(l -> t.namesListener(l.key()));
      if (!reaches) {
        continue;
      }
      switch (t.kind()) {
        case GATEWAY -> gateway.add(p);
        case LISTENER -> listener.add(p);
        default -> {} // frontend policies attach to gateways and listeners only
      }
    }
    FrontendPolicies merged = FrontendPolicies.NONE;
    for (Policy p : gateway) {
      merged = merged.merge(p.frontend());
    }
    for (Policy p : listener) {
      merged = merged.merge(p.frontend());
    }
    return merged;
  }
}

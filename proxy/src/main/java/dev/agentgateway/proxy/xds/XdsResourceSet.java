package dev.agentgateway.proxy.xds;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.xds.InvalidResourceException;
import dev.agentgateway.model.xds.ProtoToIr;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The resources a proxy holds, by xDS name, each with its version and decoded IR value. Immutable:
 * a response yields a new set, committed only once its state compiled and serves.
 */
public final class XdsResourceSet {
  /** An empty set, before the first response. */
  public static final XdsResourceSet EMPTY = new XdsResourceSet(Map.of());

  /** One held resource. */
  record Entry(String version, Object value) {}

  /**
   * The outcome of one response.
   *
   * @param next the set with the valid resources applied and the removed ones gone
   * @param errors resource name to reason, for the resources that were rejected (the previous
   *     version, if any, is kept)
   */
  public record Update(XdsResourceSet next, Map<String, String> errors) {
    public Update {
      errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
  }

  private final Map<String, Entry> entries;

  private XdsResourceSet(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /** Decodes every resource of {@code response}, applies the valid ones and the removals. */
  public Update apply(DeltaDiscoveryResponse response) {
    return apply(response, value -> null);
  }

  /**
   * Like {@link #apply(DeltaDiscoveryResponse)}, also refusing a decoded value for which {@code
   * check} names a problem (a CEL expression that does not compile).
   */
  public Update apply(DeltaDiscoveryResponse response, Function<Object, String> check) {
    Map<String, Entry> next = new TreeMap<>(entries);
    Map<String, String> errors = new LinkedHashMap<>();
    for (dev.agentgateway.model.xds.envoy.Resource r : response.getResourcesList()) {
      try {
        Object value = decode(r);
        String problem = check.apply(value);
        if (problem != null) {
          errors.put(r.getName(), problem);
        } else {
          next.put(r.getName(), new Entry(r.getVersion(), value));
        }
      } catch (InvalidResourceException e) {
        errors.put(r.getName(), e.getMessage());
      }
    }
    for (String removed : response.getRemovedResourcesList()) {
      next.remove(removed);
    }
    return new Update(new XdsResourceSet(next), errors);
  }

  private static Object decode(dev.agentgateway.model.xds.envoy.Resource r) {
    if (!r.hasResource()) {
      throw new InvalidResourceException(r.getName(), "resource", "missing");
    }
    if (!XdsResources.TYPE_URL.equals(r.getResource().getTypeUrl())) {
      throw new InvalidResourceException(
          r.getName(), "resource", "unexpected type " + r.getResource().getTypeUrl());
    }
    dev.agentgateway.model.xds.proto.Resource proto;
    try {
      proto = r.getResource().unpack(dev.agentgateway.model.xds.proto.Resource.class);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidResourceException(
          r.getName(), "resource", "cannot decode: " + e.getMessage());
    }
    return ProtoToIr.decode(proto);
  }

  /** Name to version of every held resource, for {@code initial_resource_versions}. */
  public Map<String, String> versions() {
    Map<String, String> versions = new TreeMap<>();
    entries.forEach((name, entry) -> versions.put(name, entry.version()));
    return versions;
  }

  /**
   * The config these resources form under {@code statics}; backends are referenced inline by
   * routes, so backend resources are held but not needed here.
   */
  public GatewayConfig config(StaticConfig statics) {
    List<Bind> binds = new ArrayList<>();
    List<Listener> listeners = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    List<ServiceEndpoints> endpoints = new ArrayList<>();
    for (Entry entry : entries.values()) {
      switch (entry.value()) {
        case Bind b -> binds.add(b);
        case Listener l -> listeners.add(l);
        case Route r -> routes.add(r);
        case Policy p -> policies.add(p);
        case ServiceEndpoints e -> endpoints.add(e);
        default -> {}
      }
    }
    return new GatewayConfig(
        statics, FrontendHttp.DEFAULT, binds, listeners, routes, policies, endpoints);
  }
}

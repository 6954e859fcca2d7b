package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * One complete, validated configuration: static settings plus the flat resource lists.
 *
 * <p>Resources point up to their parents (a {@link Listener} names its {@link Bind}, a {@link
 * Route} its {@link Listener}) so that xDS can ship one resource per change; the proxy groups them
 * when it compiles a state. {@link ServiceEndpoints} stand apart from the routes that use them, so
 * a scale event is one small resource.
 */
public record GatewayConfig(
    StaticConfig config,
    FrontendHttp frontendHttp,
    List<Bind> binds,
    List<Listener> listeners,
    List<Route> routes,
    List<Policy> policies,
    List<ServiceEndpoints> endpoints) {

  public GatewayConfig {
    Objects.requireNonNull(config, "config");
    frontendHttp = frontendHttp == null ? FrontendHttp.DEFAULT : frontendHttp;
    binds = List.copyOf(binds);
    listeners = List.copyOf(listeners);
    routes = List.copyOf(routes);
    policies = List.copyOf(policies);
    endpoints = List.copyOf(endpoints);
  }

  /** A configuration with static settings only and no resources. */
  public static GatewayConfig empty(StaticConfig config) {
    return new GatewayConfig(
        config, FrontendHttp.DEFAULT, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}

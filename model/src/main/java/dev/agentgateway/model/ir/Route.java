package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * One route (one HTTPRoute rule): matches, policies and weighted backends.
 *
 * @param key unique key
 * @param listenerKey the {@link Listener} this route attaches to
 * @param name the route's name (may be empty)
 * @param namespace the route's namespace (may be empty)
 * @param ruleName the rule's name (may be empty)
 * @param hostnames hostnames it serves (exact or {@code *.} wildcard); empty means any
 * @param matches alternatives; the route applies when any one matches
 * @param policies route-level policies
 * @param backends weighted backends
 * @param order position in the source, the last tie-breaker of route precedence
 */
public record Route(
    String key,
    String listenerKey,
    String name,
    String namespace,
    String ruleName,
    List<String> hostnames,
    List<RouteMatch> matches,
    RoutePolicies policies,
    List<RouteBackend> backends,
    int order) {

  public Route {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(listenerKey, "listenerKey");
    name = Objects.requireNonNullElse(name, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    ruleName = Objects.requireNonNullElse(ruleName, "");
    hostnames = List.copyOf(hostnames);
    matches = matches.isEmpty() ? List.of(RouteMatch.ANY) : List.copyOf(matches);
    policies = Objects.requireNonNullElse(policies, RoutePolicies.NONE);
    backends = List.copyOf(backends);
  }
}

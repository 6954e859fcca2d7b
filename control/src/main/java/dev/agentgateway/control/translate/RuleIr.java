package dev.agentgateway.control.translate;

import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import java.util.List;

/**
 * One route rule translated, before it is attached to listeners.
 *
 * @param name the rule's name, or null
 * @param matches alternatives (empty = any request)
 * @param policies filters, timeouts and retry
 * @param backends the backends that resolved
 */
record RuleIr(
    String name, List<RouteMatch> matches, RoutePolicies policies, List<RouteBackend> backends) {}

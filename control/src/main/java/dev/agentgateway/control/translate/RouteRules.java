package dev.agentgateway.control.translate;

import java.util.List;

/**
 * A route's rules translated, with what its status must report.
 *
 * @param rules every rule, in order
 * @param unsupported why the route cannot be accepted (an unsupported filter or value), or null
 * @param refProblem the first backend reference that did not resolve, or null
 */
record RouteRules(List<RuleIr> rules, String unsupported, BackendRefs.Resolved refProblem) {}

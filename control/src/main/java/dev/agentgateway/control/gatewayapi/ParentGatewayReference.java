package dev.agentgateway.control.gatewayapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ListenerSet's reference to its Gateway.
 *
 * @param group the Gateway's group; gateway.networking.k8s.io when null
 * @param kind the Gateway's kind; Gateway when null
 * @param name the Gateway's name
 * @param namespace the Gateway's namespace; the ListenerSet's when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParentGatewayReference(String group, String kind, String name, String namespace) {}

package dev.agentgateway.control.gatewayapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import java.util.List;

/**
 * The desired state of a {@link ListenerSet}. A listener entry has the fields of a Gateway
 * listener, so the fabric8 {@link Listener} type serves for it.
 *
 * @param parentRef the Gateway the listeners are for
 * @param listeners the listeners
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListenerSetSpec(ParentGatewayReference parentRef, List<Listener> listeners) {}

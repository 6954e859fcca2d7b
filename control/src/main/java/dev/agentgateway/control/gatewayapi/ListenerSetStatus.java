package dev.agentgateway.control.gatewayapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import java.util.List;

/**
 * The observed state of a {@link ListenerSet}. A listener entry's status has the fields of a
 * Gateway listener's, so the fabric8 {@link ListenerStatus} type serves for it.
 *
 * @param conditions Accepted and Programmed
 * @param listeners one entry per listener
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListenerSetStatus(List<Condition> conditions, List<ListenerStatus> listeners) {}

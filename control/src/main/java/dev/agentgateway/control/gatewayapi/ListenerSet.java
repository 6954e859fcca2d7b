package dev.agentgateway.control.gatewayapi;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Gateway API {@code ListenerSet} (GA in 1.5): listeners that a Gateway which allows it merges into
 * its own, so that teams can add listeners without editing the Gateway.
 */
@Group("gateway.networking.k8s.io")
@Version("v1")
@Kind("ListenerSet")
@Plural("listenersets")
@Singular("listenerset")
public class ListenerSet extends CustomResource<ListenerSetSpec, ListenerSetStatus>
    implements Namespaced {}

package dev.agentgateway.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of the controller scale bench: G Gateways (one HTTP listener each) spread over up to
 * ten namespaces, R HTTPRoutes spread round-robin over the Gateways (same namespace), and about a
 * hundred Services with one ready EndpointSlice each that the routes send to.
 *
 * <p>Routes look like a busy cluster's: one of 37 hostnames, a path prefix of their own, an extra
 * exact-path GET match on every fifth and a header match on every tenth.
 */
record ScaleWorkload(int gateways, int routes) {
  static final String LISTENER = "http";
  private static final int SERVICES = 100;

  ScaleWorkload {
    if (gateways < 1 || routes < gateways) {
      throw new IllegalArgumentException(
          "need at least one Gateway and as many routes as Gateways, got "
              + gateways
              + " and "
              + routes);
    }
  }

  int namespaces() {
    return Math.min(10, gateways);
  }

  int servicesPerNamespace() {
    return Math.max(1, SERVICES / namespaces());
  }

  String namespace(int gateway) {
    return "bench-" + (gateway % namespaces());
  }

  static String gatewayName(int gateway) {
    return "gw-" + gateway;
  }

  int gatewayOf(int route) {
    return route % gateways;
  }

  int routesOf(int gateway) {
    return routes / gateways + (gateway < routes % gateways ? 1 : 0);
  }

  static String routeName(int route) {
    return "route-" + route;
  }

  /** The xDS name of the route's only rule on its Gateway's listener. */
  String xdsRouteName(int route) {
    return "route/" + namespace(gatewayOf(route)) + "/" + routeName(route) + ".00." + LISTENER;
  }

  /** Namespaces, Services and EndpointSlices: what exists before the burst. */
  List<HasMetadata> base() {
    List<HasMetadata> out = new ArrayList<>();
    for (int n = 0; n < namespaces(); n++) {
      out.add(
          new NamespaceBuilder().withNewMetadata().withName("bench-" + n).endMetadata().build());
      for (int s = 0; s < servicesPerNamespace(); s++) {
        out.add(service("bench-" + n, "svc-" + s));
        out.add(slice("bench-" + n, "svc-" + s, n * 256 + s));
      }
    }
    return out;
  }

  /** The burst: every Gateway, then every route. */
  List<HasMetadata> burst() {
    List<HasMetadata> out = new ArrayList<>(gateways + routes);
    for (int g = 0; g < gateways; g++) {
      out.add(gateway(g));
    }
    for (int r = 0; r < routes; r++) {
      out.add(route(r));
    }
    return out;
  }

  Gateway gateway(int g) {
    return new GatewayBuilder()
        .withNewMetadata()
        .withNamespace(namespace(g))
        .withName(gatewayName(g))
        .endMetadata()
        .withNewSpec()
        .withGatewayClassName("agentgateway")
        .addNewListener()
        .withName(LISTENER)
        .withPort(8080)
        .withProtocol("HTTP")
        .endListener()
        .endSpec()
        .build();
  }

  static String pathOf(int route) {
    return "/api/v1/r" + route;
  }

  HTTPRoute route(int r) {
    int g = gatewayOf(r);
    List<HTTPRouteMatch> matches = new ArrayList<>();
    HTTPRouteMatchBuilder prefix =
        new HTTPRouteMatchBuilder()
            .withNewPath()
            .withType("PathPrefix")
            .withValue(pathOf(r))
            .endPath();
    if (r % 10 == 0) {
      prefix.addNewHeader().withType("Exact").withName("x-tenant").withValue("t" + r).endHeader();
    }
    matches.add(prefix.build());
    if (r % 5 == 0) {
      matches.add(
          new HTTPRouteMatchBuilder()
              .withNewPath()
              .withType("Exact")
              .withValue(pathOf(r) + "/health")
              .endPath()
              .withMethod("GET")
              .build());
    }
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withNamespace(namespace(g))
        .withName(routeName(r))
        .endMetadata()
        .withNewSpec()
        .addNewParentRef()
        .withName(gatewayName(g))
        .endParentRef()
        .withHostnames("app" + (r % 37) + ".example.com")
        .addNewRule()
        .withMatches(matches)
        .addNewBackendRef()
        .withName("svc-" + (r / gateways) % servicesPerNamespace())
        .withPort(80)
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }

  private static HasMetadata service(String ns, String name) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewPort()
        .withName("http")
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }

  private static HasMetadata slice(String ns, String service, int index) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(service + "-1")
        .addToLabels("kubernetes.io/service-name", service)
        .endMetadata()
        .withAddressType("IPv4")
        .addNewPort()
        .withName("http")
        .withPort(8080)
        .endPort()
        .addNewEndpoint()
        .withAddresses("10.1." + (index / 256) + "." + (index % 256))
        .withNewConditions()
        .withReady(true)
        .endConditions()
        .endEndpoint()
        .addNewEndpoint()
        .withAddresses("10.2." + (index / 256) + "." + (index % 256))
        .withNewConditions()
        .withReady(true)
        .endConditions()
        .endEndpoint()
        .build();
  }
}

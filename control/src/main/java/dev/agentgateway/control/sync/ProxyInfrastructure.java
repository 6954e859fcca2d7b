package dev.agentgateway.control.sync;

import dev.agentgateway.control.translate.Infrastructure;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddressBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A Gateway's proxy as its status reports it: available when its Deployment has an available
 * replica; addresses from its Service (load-balancer ingress, else cluster IPs).
 */
public final class ProxyInfrastructure implements InfrastructureSource {
  private final UnaryOperator<String> objectName;
  private final Function<Gateway, String> parametersError;

  /**
   * @param objectName the name of the objects provisioned for a Gateway name
   * @param parametersError why a Gateway's parameters cannot be used, or null
   */
  public ProxyInfrastructure(
      UnaryOperator<String> objectName, Function<Gateway, String> parametersError) {
    this.objectName = objectName;
    this.parametersError = parametersError;
  }

  @Override
  public Infrastructure of(Gateway gateway, ClusterCache cache) {
    String ns = gateway.getMetadata().getNamespace();
    String name = objectName.apply(gateway.getMetadata().getName());
    Deployment deployment = cache.get(Deployment.class, ns, name);
    Service service = cache.get(Service.class, ns, name);
    boolean available =
        deployment != null
            && deployment.getStatus() != null
            && deployment.getStatus().getAvailableReplicas() != null
            && deployment.getStatus().getAvailableReplicas() > 0;
    return new Infrastructure(available, addresses(service), parametersError.apply(gateway));
  }

  static List<GatewayStatusAddress> addresses(Service service) {
    List<GatewayStatusAddress> out = new ArrayList<>();
    if (service == null) {
      return out;
    }
    if (service.getStatus() != null
        && service.getStatus().getLoadBalancer() != null
        && service.getStatus().getLoadBalancer().getIngress() != null) {
      for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
        if (ingress.getIp() != null) {
          out.add(address("IPAddress", ingress.getIp()));
        } else if (ingress.getHostname() != null) {
          out.add(address("Hostname", ingress.getHostname()));
        }
      }
    }
    if (out.isEmpty() && service.getSpec() != null) {
      List<String> ips =
          service.getSpec().getClusterIPs() != null
              ? service.getSpec().getClusterIPs()
              : service.getSpec().getClusterIP() == null
                  ? List.of()
                  : List.of(service.getSpec().getClusterIP());
      for (String ip : ips) {
        if (!"None".equals(ip)) {
          out.add(address("IPAddress", ip));
        }
      }
    }
    return out;
  }

  private static GatewayStatusAddress address(String type, String value) {
    return new GatewayStatusAddressBuilder().withType(type).withValue(value).build();
  }
}

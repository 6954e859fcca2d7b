package dev.agentgateway.control.deploy;

import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What provisioning knows per Gateway, for the status writer: parameter errors, availability and
 * addresses. Written by {@link GatewayReconciler}, read by whoever writes Gateway status; the
 * listener hears every change so status can be rewritten.
 */
public final class ProvisioningState {
  private final Map<GatewayKey, Infrastructure> byGateway = new ConcurrentHashMap<>();
  private final Consumer<GatewayKey> onChange;

  /**
   * @param onChange called (on the reconciler's thread) after a Gateway's entry changed
   */
  public ProvisioningState(Consumer<GatewayKey> onChange) {
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /** A state nobody listens to. */
  public ProvisioningState() {
    this(key -> {});
  }

  /** The Gateway's infrastructure, {@link Infrastructure#PENDING} when not provisioned yet. */
  public Infrastructure infrastructure(GatewayKey gateway) {
    return byGateway.getOrDefault(gateway, Infrastructure.PENDING);
  }

  /** Every known Gateway's infrastructure, a copy. */
  public Map<GatewayKey, Infrastructure> snapshot() {
    return Map.copyOf(byGateway);
  }

  /** Forgets Gateways that no longer exist (reconcile is not called for deleted Gateways). */
  public void retainOnly(Collection<GatewayKey> gateways) {
    Set<GatewayKey> keep = Set.copyOf(gateways);
    byGateway.keySet().removeIf(k -> !keep.contains(k));
  }

  void put(GatewayKey gateway, Infrastructure infrastructure) {
    Infrastructure previous = byGateway.put(gateway, infrastructure);
    if (!infrastructure.equals(previous)) {
      onChange.accept(gateway);
    }
  }

  void remove(GatewayKey gateway) {
    if (byGateway.remove(gateway) != null) {
      onChange.accept(gateway);
    }
  }

  /**
   * The infrastructure of a Gateway from its owned objects: available once its Deployment has an
   * available replica, or its DaemonSet an available pod; addresses from the Service's load
   * balancer ingress, else its cluster IPs.
   *
   * @param workload the owned Deployment or DaemonSet, or null
   * @param service the owned Service, or null
   * @param parametersError why the parameters could not be used, or null
   */
  public static Infrastructure infrastructureOf(
      HasMetadata workload, Service service, String parametersError) {
    return new Infrastructure(available(workload), addresses(service), parametersError);
  }

  private static boolean available(HasMetadata workload) {
    return switch (workload) {
      case Deployment d -> d.getStatus() != null && positive(d.getStatus().getAvailableReplicas());
      // One available pod serves, as with a Deployment; nodes still starting do not block it.
      case DaemonSet ds -> ds.getStatus() != null && positive(ds.getStatus().getNumberAvailable());
      case null, default -> false;
    };
  }

  private static boolean positive(Integer count) {
    return count != null && count > 0;
  }

  private static List<GatewayStatusAddress> addresses(Service service) {
    if (service == null) {
      return List.of();
    }
    Set<GatewayStatusAddress> addresses = new LinkedHashSet<>();
    if (service.getStatus() != null && service.getStatus().getLoadBalancer() != null) {
      List<LoadBalancerIngress> ingress = service.getStatus().getLoadBalancer().getIngress();
      if (ingress != null) {
        for (LoadBalancerIngress i : ingress) {
          if (i.getIp() != null && !i.getIp().isEmpty()) {
            addresses.add(new GatewayStatusAddress("IPAddress", i.getIp()));
          } else if (i.getHostname() != null && !i.getHostname().isEmpty()) {
            addresses.add(new GatewayStatusAddress("Hostname", i.getHostname()));
          }
        }
      }
    }
    if (addresses.isEmpty() && service.getSpec() != null) {
      List<String> ips = new ArrayList<>();
      if (service.getSpec().getClusterIPs() != null
          && !service.getSpec().getClusterIPs().isEmpty()) {
        ips.addAll(service.getSpec().getClusterIPs());
      } else if (service.getSpec().getClusterIP() != null) {
        ips.add(service.getSpec().getClusterIP());
      }
      ips.stream()
          .filter(ip -> !ip.isEmpty() && !"None".equals(ip))
          .forEach(ip -> addresses.add(new GatewayStatusAddress("IPAddress", ip)));
    }
    return List.copyOf(addresses);
  }
}

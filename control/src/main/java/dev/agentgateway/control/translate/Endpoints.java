package dev.agentgateway.control.translate;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ready endpoints of Service ports, from EndpointSlices: what the proxy balances across. A
 * Service port is matched to slice ports by name (the empty name for an unnamed port), as
 * kube-proxy does, so {@code targetPort} by name resolves per pod.
 */
final class Endpoints {
  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private final Map<ObjectKey, Service> services = new HashMap<>();
  private final Map<ObjectKey, List<EndpointSlice>> slices = new HashMap<>();

  Endpoints(List<Service> services, List<EndpointSlice> slices) {
    services.forEach(s -> this.services.put(ObjectKey.of(s), s));
    for (EndpointSlice slice : slices) {
      Map<String, String> labels = slice.getMetadata().getLabels();
      String service = labels == null ? null : labels.get(SERVICE_NAME_LABEL);
      if (service != null) {
        this.slices
            .computeIfAbsent(
                new ObjectKey(slice.getMetadata().getNamespace(), service), k -> new ArrayList<>())
            .add(slice);
      }
    }
  }

  /** The endpoints of one Service port; an empty list when none are ready. */
  ServiceEndpoints of(Backend.Service backend) {
    ObjectKey key = new ObjectKey(backend.namespace(), backend.serviceName());
    Service service = services.get(key);
    String portName = "";
    if (service != null && service.getSpec() != null && service.getSpec().getPorts() != null) {
      for (ServicePort p : service.getSpec().getPorts()) {
        if (p.getPort() != null && p.getPort() == backend.port()) {
          portName = Objects.requireNonNullElse(p.getName(), "");
        }
      }
    }
    // A set, and sorted below: the same endpoints always give the same resource version.
    Set<ServiceEndpoints.Endpoint> ready = new LinkedHashSet<>();
    for (EndpointSlice slice : slices.getOrDefault(key, List.of())) {
      Integer port = null;
      for (EndpointPort p : Objects.requireNonNullElse(slice.getPorts(), List.<EndpointPort>of())) {
        if (portName.equals(Objects.requireNonNullElse(p.getName(), ""))) {
          port = p.getPort();
        }
      }
      if (port == null) {
        continue;
      }
      for (Endpoint e : Objects.requireNonNullElse(slice.getEndpoints(), List.<Endpoint>of())) {
        boolean isReady =
            e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady());
        if (!isReady || e.getAddresses() == null) {
          continue;
        }
        for (String address : e.getAddresses()) {
          ready.add(new ServiceEndpoints.Endpoint(address, port));
        }
      }
    }
    List<ServiceEndpoints.Endpoint> sorted = new ArrayList<>(ready);
    sorted.sort(
        java.util.Comparator.comparing(ServiceEndpoints.Endpoint::address)
            .thenComparingInt(ServiceEndpoints.Endpoint::port));
    return new ServiceEndpoints(backend.namespace(), backend.serviceName(), backend.port(), sorted);
  }
}

package dev.agentgateway.control.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Objects;

/**
 * Every object one Gateway's proxy needs, computed once per reconcile and read by the dependents.
 *
 * @param xdsCa the {@code <gw>-xds-ca} ConfigMap, null when xDS runs in plaintext
 */
public record ProxyPlan(
    Deployment deployment,
    Service service,
    ServiceAccount serviceAccount,
    ConfigMap config,
    ConfigMap xdsCa) {
  public ProxyPlan {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(config, "config");
  }
}

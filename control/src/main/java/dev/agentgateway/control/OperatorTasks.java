package dev.agentgateway.control;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.deploy.GatewayReconciler;
import dev.agentgateway.control.deploy.ProvisioningState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Proxy provisioning while this replica leads: a JOSDK Operator running the {@link
 * GatewayReconciler}. Server-side apply is on in production; the fabric8 mock API server has none,
 * so tests turn it off.
 */
final class OperatorTasks implements ControllerRuntime.LeaderTasks {
  private final KubernetesClient client;
  private final ControllerSettings settings;
  private final Supplier<String> xdsCaPem;
  private final ProvisioningState state;
  private final boolean serverSideApply;
  private Operator operator;

  OperatorTasks(
      KubernetesClient client,
      ControllerSettings settings,
      Supplier<String> xdsCaPem,
      ProvisioningState state,
      boolean serverSideApply) {
    this.client = client;
    this.settings = settings;
    this.xdsCaPem = xdsCaPem;
    this.state = state;
    this.serverSideApply = serverSideApply;
  }

  @Override
  public synchronized void start() {
    if (operator != null) {
      return;
    }
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(serverSideApply)
                    .withSSABasedCreateUpdateMatchForDependentResources(serverSideApply)
                    .withCacheSyncTimeout(Duration.ofMinutes(2))
                    .withReconciliationTerminationTimeout(Duration.ofSeconds(5))
                    .withExecutorService(Executors.newVirtualThreadPerTaskExecutor()));
    GatewayReconciler.register(operator, settings, xdsCaPem, state);
    operator.start();
  }

  @Override
  public synchronized void close() {
    if (operator != null) {
      operator.stop();
      operator = null;
    }
  }
}

package dev.agentgateway.control;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One replica at a time provisions proxies and writes status, holding a Lease; every replica serves
 * xDS. A replica that loses the Lease calls {@code onLost} (the launcher exits, so the pod restarts
 * and rejoins cleanly, as controller-runtime does).
 */
final class LeaderElection implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LeaderElection.class.getName());
  static final String LEASE = "agentgateway-controller";

  private final CompletableFuture<?> running;

  private LeaderElection(CompletableFuture<?> running) {
    this.running = running;
  }

  static LeaderElection start(
      KubernetesClient client,
      String namespace,
      String identity,
      Runnable onLeading,
      Runnable onLost) {
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(LEASE)
                    .withLock(new LeaseLock(namespace, LEASE, identity))
                    .withLeaseDuration(Duration.ofSeconds(15))
                    .withRenewDeadline(Duration.ofSeconds(10))
                    .withRetryPeriod(Duration.ofSeconds(2))
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            () -> {
                              LOG.log(
                                  System.Logger.Level.INFO,
                                  identity + " leads " + namespace + "/" + LEASE);
                              onLeading.run();
                            },
                            () -> {
                              LOG.log(
                                  System.Logger.Level.WARNING,
                                  identity + " lost the lease " + LEASE);
                              onLost.run();
                            },
                            leader -> LOG.log(System.Logger.Level.INFO, "leader is now " + leader)))
                    .build())
            .build();
    return new LeaderElection(elector.start());
  }

  @Override
  public void close() {
    running.cancel(true);
  }
}

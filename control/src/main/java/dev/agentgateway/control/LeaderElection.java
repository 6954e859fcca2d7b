package dev.agentgateway.control;

import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One replica at a time provisions proxies and writes status, holding a Lease; every replica serves
 * xDS. A replica that loses the Lease calls {@code onLost} (the launcher exits, so the pod restarts
 * and rejoins cleanly, as controller-runtime does).
 */
final class LeaderElection implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LeaderElection.class.getName());
  static final String LEASE = "agentgateway-controller";
  private static final int MAX_NAME = 63;

  private final CompletableFuture<?> running;

  private LeaderElection(CompletableFuture<?> running) {
    this.running = running;
  }

  /**
   * The Lease for controllers of {@code controllerName}: control planes with different controller
   * names (one per tenant) may share a namespace without taking turns at one Lease. The default
   * controller keeps the plain name.
   */
  static String leaseName(String controllerName) {
    if (controllerName.equals(ControllerSettings.DEFAULT_CONTROLLER_NAME)) {
      return LEASE;
    }
    String slug =
        controllerName
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    String name = LEASE + "-" + slug;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    // a long name keeps a hash of the whole, so two long names that share a prefix stay apart
    String hash = Integer.toHexString(controllerName.hashCode() & 0x7fffffff);
    return name.substring(0, MAX_NAME - hash.length() - 1).replaceAll("-$", "") + "-" + hash;
  }

  static LeaderElection start(
      KubernetesClient client,
      String namespace,
      String lease,
      String identity,
      Runnable onLeading,
      Runnable onLost) {
    LeaderElector elector =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(lease)
                    .withLock(new LeaseLock(namespace, lease, identity))
                    .withLeaseDuration(Duration.ofSeconds(15))
                    .withRenewDeadline(Duration.ofSeconds(10))
                    .withRetryPeriod(Duration.ofSeconds(2))
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            () -> {
                              LOG.log(
                                  System.Logger.Level.INFO,
                                  identity + " leads " + namespace + "/" + lease);
                              onLeading.run();
                            },
                            () -> {
                              LOG.log(
                                  System.Logger.Level.WARNING,
                                  identity + " lost the lease " + lease);
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

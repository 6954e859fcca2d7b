package dev.agentgateway.control;

import dev.agentgateway.control.admin.ControllerEndpoints;
import dev.agentgateway.control.admin.ControllerMetrics;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.deploy.ProvisioningState;
import dev.agentgateway.control.events.EventRecorder;
import dev.agentgateway.control.events.NackEvents;
import dev.agentgateway.control.sync.ClusterCache;
import dev.agentgateway.control.sync.GatewayClasses;
import dev.agentgateway.control.sync.InfrastructureSource;
import dev.agentgateway.control.sync.Syncer;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.auth.XdsAuthSettings;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.ServerSecurity;
import dev.agentgateway.control.xds.server.XdsMetrics;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.control.xds.tls.XdsTls;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The controller, assembled: informers and translation ({@link Syncer}), the xDS server with its
 * TLS and authentication, NACK Events, health and metrics endpoints, and, on the leader, proxy
 * provisioning and status writes.
 */
public final class ControllerRuntime implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ControllerRuntime.class.getName());
  private static final Duration TRANSLATION_DEBOUNCE = Duration.ofMillis(50);

  /** Starts and stops what only the leader runs (proxy provisioning). */
  public interface LeaderTasks extends AutoCloseable {

    /** Starts leading; called at most once. */
    void start();

    @Override
    void close();
  }

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final AtomicBoolean leader = new AtomicBoolean();
  private XdsServer xds;
  private XdsPublisher publisher;
  private Syncer syncer;
  private ControllerEndpoints endpoints;

  private ControllerRuntime() {}

  /**
   * Starts the controller.
   *
   * @param env the process environment (xDS TLS and auth settings are read from it)
   * @param serverSideApply whether provisioning applies server-side (off only for the fabric8 mock
   *     API server, which lacks it)
   * @param onLostLeadership called when a held lease is lost
   */
  public static ControllerRuntime start(
      ControllerSettings settings,
      Map<String, String> env,
      KubernetesClient client,
      boolean serverSideApply,
      Runnable onLostLeadership) {
    Objects.requireNonNull(settings, "settings");
    ControllerRuntime runtime = new ControllerRuntime();
    try {
      runtime.startAll(settings, env, client, serverSideApply, onLostLeadership);
      return runtime;
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  private void startAll(
      ControllerSettings settings,
      Map<String, String> env,
      KubernetesClient client,
      boolean serverSideApply,
      Runnable onLostLeadership) {
    XdsTls tls = XdsTls.fromEnv(env, client);
    closeables.add(tls);
    XdsMetrics metrics = new XdsMetrics();
    // The syncer already coalesces bursts of cluster events; a second window would only add delay.
    publisher = new XdsPublisher(Duration.ZERO);
    closeables.add(publisher);
    EventRecorder events = new EventRecorder(client, settings.controllerName());
    closeables.add(events);
    xds =
        XdsServer.start(
            XdsServer.Options.onPort(settings.xdsPort()),
            new ServerSecurity(
                tls.credentials(), XdsAuthSettings.fromEnv(env).interceptors(client, metrics)),
            metrics,
            publisher,
            new NackEvents(client, events));
    closeables.add(xds);
    // Provisioning (leader only) reports each Gateway's proxy; a change re-translates its status.
    ProvisioningState provisioning = new ProvisioningState(key -> syncer.changed(key));
    InfrastructureSource infrastructure =
        new InfrastructureSource() {
          @Override
          public Infrastructure of(Gateway gateway, ClusterCache cache) {
            return provisioning.infrastructure(
                new GatewayKey(
                    gateway.getMetadata().getNamespace(), gateway.getMetadata().getName()));
          }

          @Override
          public void retainOnly(Set<GatewayKey> existing) {
            provisioning.retainOnly(existing);
          }
        };
    LeaderTasks leaderTasks =
        new OperatorTasks(client, settings, tls::caPem, provisioning, serverSideApply);
    syncer =
        new Syncer(
            client,
            settings.controllerName(),
            settings.mcpStdioEnabled(),
            settings.discoveryNamespaceSelectors(),
            publisher,
            infrastructure,
            leader::get,
            TRANSLATION_DEBOUNCE);
    closeables.add(syncer);
    syncer.start();
    ControllerMetrics prometheus = new ControllerMetrics(metrics, syncer);
    endpoints =
        ControllerEndpoints.start(
            settings.healthPort(),
            settings.metricsPort(),
            () -> syncer.translations() > 0,
            prometheus::render);
    closeables.add(endpoints);
    closeables.add(leaderTasks);
    Runnable lead =
        () -> {
          GatewayClasses.ensure(client, settings);
          leader.set(true);
          leaderTasks.start();
          syncer.changed(); // write the statuses a follower left unwritten
        };
    if (settings.leaderElection()) {
      String identity =
          env.getOrDefault("POD_NAME", "agentgateway-" + ProcessHandle.current().pid());
      closeables.add(
          LeaderElection.start(
              client,
              settings.namespace(),
              LeaderElection.leaseName(settings.controllerName()),
              identity,
              lead,
              () -> {
                leader.set(false);
                leaderTasks.close();
                onLostLeadership.run();
              }));
    } else {
      lead.run();
    }
    LOG.log(
        System.Logger.Level.INFO,
        "controller "
            + settings.controllerName()
            + " started: xDS on "
            + xds.port()
            + (tls.tls() ? " (TLS)" : " (plaintext)")
            + ", health on "
            + endpoints.healthPort()
            + ", metrics on "
            + endpoints.metricsPort());
  }

  /** The bound xDS port. */
  public int xdsPort() {
    return xds.port();
  }

  /** The translation loop. */
  public Syncer syncer() {
    return syncer;
  }

  /** The health and metrics endpoints. */
  public ControllerEndpoints endpoints() {
    return endpoints;
  }

  /** The xDS publisher; its cache holds the snapshot each Gateway's proxies are served. */
  public XdsPublisher publisher() {
    return publisher;
  }

  /** The xDS server. */
  public XdsServer xds() {
    return xds;
  }

  /** True while this replica leads. */
  public boolean leading() {
    return leader.get();
  }

  /** Stops everything, most recently started first. */
  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "error while stopping: " + e);
      }
    }
    closeables.clear();
  }
}

package dev.agentgateway.control.sync;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.translate.Translator;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Re-translates the cluster after changes (a burst of events coalesced into one run), publishes
 * each Gateway's IR to the xDS cache, and on the leader writes status. Runs on one thread, so
 * translations never overlap and always see a consistent order of events.
 *
 * <p>Every replica translates and publishes (xDS is served by all of them); only the leader writes
 * status, so replicas never fight over it.
 */
public final class Syncer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Syncer.class.getName());

  private final String controllerName;
  private final XdsPublisher publisher;
  private final InfrastructureSource infrastructure;
  private final BooleanSupplier leader;
  private final Duration debounce;
  private final io.fabric8.kubernetes.client.KubernetesClient client;
  private final ClusterCache cache;
  private final StatusWriter status;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("translate").daemon().factory());
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong translations = new AtomicLong();
  private final AtomicLong lastTranslationNanos = new AtomicLong();
  private Set<GatewayKey> published = new HashSet<>();
  private volatile Translation last;
  private volatile boolean listenerSets;

  /**
   * A syncer over {@code cache}'s builder; call {@link #start} after constructing.
   *
   * @param leader whether this replica writes status now
   */
  public Syncer(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String controllerName,
      List<io.fabric8.kubernetes.api.model.LabelSelector> discoverySelectors,
      XdsPublisher publisher,
      InfrastructureSource infrastructure,
      BooleanSupplier leader,
      Duration debounce) {
    this.controllerName = Objects.requireNonNull(controllerName, "controllerName");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
    this.leader = Objects.requireNonNull(leader, "leader");
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.client = client;
    this.cache = new ClusterCache(client, discoverySelectors, this::changed);
    this.status = new StatusWriter(client, cache, controllerName, this::changed);
  }

  /** The informers, to add kinds other parts read (such as Deployments for availability). */
  public ClusterCache cache() {
    return cache;
  }

  /** Starts the informers translation needs and the first translation once they have synced. */
  public Syncer start() {
    cache
        .watchClusterScoped(GatewayClass.class)
        .watchClusterScoped(Namespace.class)
        .watch(Gateway.class)
        .watch(HTTPRoute.class)
        .watch(GRPCRoute.class)
        .watch(ReferenceGrant.class)
        .watchWithStatus(Service.class)
        .watch(AgentgatewayBackend.class)
        .watch(EndpointSlice.class);
    // ListenerSet is GA from Gateway API 1.5 only: an informer on a kind the API server does not
    // serve would never sync and would hold translation back, so watch it only when served.
    listenerSets = served("listenersets.gateway.networking.k8s.io");
    if (listenerSets) {
      cache.watch(ListenerSet.class);
    }
    cache.complete();
    changed();
    return this;
  }

  private boolean served(String crd) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(crd).get() != null;
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot tell whether " + crd + " is installed; not watching it: " + e.getMessage());
      return false;
    }
  }

  /** Translations run so far. */
  public long translations() {
    return translations.get();
  }

  /** How long the last translation (translate + publish + status) took, in nanoseconds. */
  public long lastTranslationNanos() {
    return lastTranslationNanos.get();
  }

  /** Status writes made so far. */
  public long statusWrites() {
    return status.writes();
  }

  /** The last translation, for debugging and tests; null before the first. */
  public Translation last() {
    return last;
  }

  /** Asks for a translation soon; bursts of calls coalesce into one. */
  public void changed() {
    if (scheduled.compareAndSet(false, true)) {
      // Under a steady stream of changes, wait at least as long as a translation takes, so
      // translating never uses more than about half of a core.
      long delay = Math.max(debounce.toNanos(), lastTranslationNanos.get());
      thread.schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }
  }

  private void run() {
    scheduled.set(false);
    if (!cache.synced()) {
      changed(); // the informers' initial lists will trigger us again; poll meanwhile
      return;
    }
    long start = System.nanoTime();
    try {
      List<Gateway> gateways = cache.list(Gateway.class);
      Map<GatewayKey, Infrastructure> infra = new HashMap<>();
      for (Gateway g : gateways) {
        infra.put(
            new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName()),
            infrastructure.of(g, cache));
      }
      Translation t =
          Translator.translate(
              new Inputs(
                  controllerName,
                  cache.list(GatewayClass.class),
                  gateways,
                  listenerSets ? cache.list(ListenerSet.class) : List.of(),
                  cache.list(HTTPRoute.class),
                  cache.list(GRPCRoute.class),
                  cache.list(ReferenceGrant.class),
                  cache.list(Service.class),
                  cache.list(AgentgatewayBackend.class),
                  cache.list(EndpointSlice.class),
                  cache.list(Namespace.class),
                  infra));
      infrastructure.retainOnly(infra.keySet());
      Set<GatewayKey> now = new HashSet<>(t.resources().keySet());
      t.resources().forEach(publisher::publish);
      for (GatewayKey gone : published) {
        if (!now.contains(gone)) {
          publisher.remove(gone);
        }
      }
      published = now;
      if (leader.getAsBoolean()) {
        status.submit(t);
      }
      last = t;
    } catch (RuntimeException e) {
      // A bug in translation must not stop the loop: keep serving the last published state.
      LOG.log(System.Logger.Level.ERROR, "translation failed; keeping the last good state", e);
    } finally {
      translations.incrementAndGet();
      lastTranslationNanos.set(System.nanoTime() - start);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    status.close();
    cache.close();
  }
}

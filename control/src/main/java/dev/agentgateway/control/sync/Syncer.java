package dev.agentgateway.control.sync;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.ListenerSecretRefs;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.translate.ParentOrder;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.translate.Translator;
import dev.agentgateway.control.translate.policy.CredentialRefs;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.model.ir.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

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
  private final boolean mcpStdioEnabled;
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
  private final AtomicLong fullTranslations = new AtomicLong();
  private final Set<GatewayKey> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean fullNeeded = new AtomicBoolean(true);
  private final AtomicBoolean statusRetry = new AtomicBoolean();
  private volatile Map<ObjectKey, Set<GatewayKey>> serviceUsers = Map.of();
  private final AtomicLong lastTranslationNanos = new AtomicLong();
  private Set<GatewayKey> published = new HashSet<>();
  private volatile Translation last;
  private volatile boolean listenerSets;

  /**
   * A syncer over {@code cache}'s builder; call {@link #start} after constructing.
   *
   * @param mcpStdioEnabled whether AgentgatewayBackends may use MCP stdio targets
   * @param leader whether this replica writes status now
   */
  public Syncer(
      io.fabric8.kubernetes.client.KubernetesClient client,
      String controllerName,
      boolean mcpStdioEnabled,
      List<io.fabric8.kubernetes.api.model.LabelSelector> discoverySelectors,
      XdsPublisher publisher,
      InfrastructureSource infrastructure,
      BooleanSupplier leader,
      Duration debounce) {
    this.controllerName = Objects.requireNonNull(controllerName, "controllerName");
    this.mcpStdioEnabled = mcpStdioEnabled;
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.infrastructure = Objects.requireNonNull(infrastructure, "infrastructure");
    this.leader = Objects.requireNonNull(leader, "leader");
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.client = client;
    this.cache = new ClusterCache(client, discoverySelectors, this::changedObject);
    this.status = new StatusWriter(client, cache, controllerName, this::statusConflicted);
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
        .watch(AgentgatewayPolicy.class)
        .watch(EndpointSlice.class)
        // Credentials and CA certificates policies reference (see CredentialRefs), and listener
        // certificates (see ListenerSecretRefs).
        .watch(Secret.class)
        .watch(ConfigMap.class);
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

  /** Full translations run so far (the rest covered only the Gateways a change touched). */
  public long fullTranslations() {
    return fullTranslations.get();
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

  /** Asks for a full translation soon; bursts of calls coalesce into one. */
  public void changed() {
    fullNeeded.set(true);
    schedule();
  }

  /**
   * A status write met a newer object than the cache held: the translation is still right, so write
   * the last one again once the informer has caught up, without translating anything.
   */
  void statusConflicted() {
    statusRetry.set(true);
    schedule();
  }

  /** Asks for {@code gateway} to be re-translated soon (its proxy's state changed). */
  public void changed(GatewayKey gateway) {
    dirty.add(gateway);
    schedule();
  }

  /**
   * Re-translates what an object change affects: the Gateway itself, a route's parent Gateways
   * (before and after), the Gateways using a Service whose endpoints changed; anything else
   * (classes, grants, namespaces, Services, backends, ListenerSets) translates in full.
   */
  private void changedObject(HasMetadata before, HasMetadata after) {
    HasMetadata any = after != null ? after : before;
    switch (any) {
      case Gateway g -> {
        dirty.add(new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName()));
        schedule();
      }
      case HTTPRoute r ->
          routeParents(r, before, after, x -> ((HTTPRoute) x).getSpec().getParentRefs());
      case GRPCRoute r ->
          routeParents(r, before, after, x -> ((GRPCRoute) x).getSpec().getParentRefs());
      case EndpointSlice slice -> {
        Map<String, String> labels = slice.getMetadata().getLabels();
        String service = labels == null ? null : labels.get("kubernetes.io/service-name");
        Set<GatewayKey> users =
            service == null
                ? Set.of()
                : serviceUsers.getOrDefault(
                    new ObjectKey(slice.getMetadata().getNamespace(), service), Set.of());
        if (!users.isEmpty()) { // endpoints of a Service no route uses change nothing
          dirty.addAll(users);
          schedule();
        }
      }
      case Secret x -> credentialChanged(before, after);
      case ConfigMap x -> credentialChanged(before, after);
      default -> changed();
    }
  }

  /** A Secret or ConfigMap matters only when a policy reads it (before or after the change). */
  private void credentialChanged(HasMetadata before, HasMetadata after) {
    List<AgentgatewayPolicy> policies = cache.list(AgentgatewayPolicy.class);
    if ((before != null && CredentialRefs.read(policies, before))
        || (after != null && CredentialRefs.read(policies, after))
        || (before != null && listenerReads(before))
        || (after != null && listenerReads(after))) {
      changed();
    }
  }

  /** Whether a Gateway or ListenerSet listener names {@code object} as its certificate. */
  private boolean listenerReads(HasMetadata object) {
    return ListenerSecretRefs.read(
        cache.list(Gateway.class),
        listenerSets ? cache.list(ListenerSet.class) : List.of(),
        object);
  }

  /** The objects of {@code type} that some policy or listener reads; translation sees no other. */
  private <T extends HasMetadata> List<T> referenced(
      Class<T> type, List<AgentgatewayPolicy> policies) {
    List<Gateway> gateways = cache.list(Gateway.class);
    List<ListenerSet> sets = listenerSets ? cache.list(ListenerSet.class) : List.of();
    return cache.list(type).stream()
        .filter(o -> CredentialRefs.read(policies, o) || ListenerSecretRefs.read(gateways, sets, o))
        .toList();
  }

  private void routeParents(
      HasMetadata route,
      HasMetadata before,
      HasMetadata after,
      java.util.function.Function<HasMetadata, List<ParentReference>> refs) {
    for (HasMetadata version : new HasMetadata[] {before, after}) {
      if (version == null) {
        continue;
      }
      for (ParentReference ref :
          Objects.requireNonNullElse(refs.apply(version), List.<ParentReference>of())) {
        String kind = Objects.requireNonNullElse(ref.getKind(), "Gateway");
        if (!kind.equals("Gateway")) {
          changed(); // a ListenerSet parent: translated in full
          return;
        }
        dirty.add(
            new GatewayKey(
                Objects.requireNonNullElse(ref.getNamespace(), route.getMetadata().getNamespace()),
                ref.getName()));
      }
    }
    schedule();
  }

  private void schedule() {
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
    // Take the work: a full translation when asked for (or while ListenerSets exist, whose
    // route parents name no Gateway), else only the dirty Gateways.
    boolean full =
        fullNeeded.getAndSet(false)
            || last == null
            || (listenerSets && !cache.list(ListenerSet.class).isEmpty());
    Set<GatewayKey> scope = new HashSet<>();
    for (GatewayKey k : List.copyOf(dirty)) {
      dirty.remove(k);
      scope.add(k);
    }
    boolean retryStatus = statusRetry.getAndSet(false);
    if (!full && scope.isEmpty()) {
      Translation previous = last;
      if (retryStatus && previous != null && leader.getAsBoolean()) {
        status.submit(previous);
      }
      return;
    }
    try {
      List<Gateway> gateways = cache.list(Gateway.class);
      Map<GatewayKey, Infrastructure> infra = new HashMap<>();
      for (Gateway g : gateways) {
        GatewayKey key = new GatewayKey(g.getMetadata().getNamespace(), g.getMetadata().getName());
        if (full || scope.contains(key)) {
          infra.put(key, infrastructure.of(g, cache));
        }
      }
      Predicate<GatewayKey> inScope = full ? k -> true : scope::contains;
      List<AgentgatewayPolicy> policies = cache.list(AgentgatewayPolicy.class);
      Translation partial =
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
                  infra,
                  mcpStdioEnabled,
                  policies,
                  referenced(Secret.class, policies),
                  referenced(ConfigMap.class, policies)),
              inScope);
      Translation t = full ? partial : last.merge(partial, inScope, this::parentOrder);
      if (full) {
        infrastructure.retainOnly(infra.keySet());
      }
      partial.resources().forEach(publisher::publish);
      Set<GatewayKey> now = new HashSet<>(t.resources().keySet());
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
      serviceUsers = serviceUsers(t);
      if (full) {
        fullTranslations.incrementAndGet();
      }
    } catch (RuntimeException e) {
      // A bug in translation must not stop the loop: keep serving the last published state.
      LOG.log(System.Logger.Level.ERROR, "translation failed; keeping the last good state", e);
    } finally {
      translations.incrementAndGet();
      lastTranslationNanos.set(System.nanoTime() - start);
    }
  }

  /** A route parent entry's position among its route's parentRefs, from the cache. */
  private int parentOrder(ObjectKey route, RouteParentStatus parent) {
    HTTPRoute http = cache.get(HTTPRoute.class, route.namespace(), route.name());
    if (http != null && http.getSpec() != null) {
      return ParentOrder.index(route.namespace(), http.getSpec().getParentRefs(), parent);
    }
    GRPCRoute grpc = cache.get(GRPCRoute.class, route.namespace(), route.name());
    return grpc == null || grpc.getSpec() == null
        ? Integer.MAX_VALUE
        : ParentOrder.index(route.namespace(), grpc.getSpec().getParentRefs(), parent);
  }

  /** Which Gateways' IR carries each Service's endpoints: whose an EndpointSlice change touches. */
  private static Map<ObjectKey, Set<GatewayKey>> serviceUsers(Translation t) {
    Map<ObjectKey, Set<GatewayKey>> users = new HashMap<>();
    t.resources()
        .forEach(
            (gateway, ir) -> {
              for (Object value : ir) {
                if (value instanceof ServiceEndpoints e) {
                  users
                      .computeIfAbsent(new ObjectKey(e.namespace(), e.name()), k -> new HashSet<>())
                      .add(gateway);
                }
              }
            });
    return users;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    status.close();
    cache.close();
  }
}

package dev.agentgateway.control.sync;

import dev.agentgateway.control.translate.Selectors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Informers over the kinds translation reads, with their stores as the translation input.
 * Namespaced objects outside the discovery namespaces are left out here, once, so nothing
 * downstream sees them; the Namespace informer itself is never filtered.
 */
public final class ClusterCache implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterCache.class.getName());

  private final KubernetesClient client;
  private final List<LabelSelector> discoverySelectors;
  private final BiConsumer<HasMetadata, HasMetadata> onChange;
  private final Map<Class<?>, SharedIndexInformer<? extends HasMetadata>> informers =
      new ConcurrentHashMap<>();
  private volatile boolean complete;
  private SharedIndexInformer<Namespace> namespaces;

  /**
   * A cache that calls {@code onChange} with the old and new object (null for an add or a delete)
   * after any watched object changes; {@code discoverySelectors} limit namespaced objects (all
   * namespaces when empty).
   */
  public ClusterCache(
      KubernetesClient client,
      List<LabelSelector> discoverySelectors,
      BiConsumer<HasMetadata, HasMetadata> onChange) {
    this.client = Objects.requireNonNull(client, "client");
    this.discoverySelectors = List.copyOf(discoverySelectors);
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /**
   * Starts watching namespaced {@code type} in every namespace; status-only updates are ignored
   * (they are mostly our own writes and translation does not read them).
   */
  public <T extends HasMetadata> ClusterCache watch(Class<T> type) {
    return start(type, client.resources(type).inAnyNamespace().runnableInformer(0), false);
  }

  /** Starts watching namespaced {@code type} whose status translation reads (Services). */
  public <T extends HasMetadata> ClusterCache watchWithStatus(Class<T> type) {
    return start(type, client.resources(type).inAnyNamespace().runnableInformer(0), true);
  }

  /** Like {@link #watchWithStatus(Class)}, only objects carrying {@code labels}. */
  public <T extends HasMetadata> ClusterCache watchWithStatus(
      Class<T> type, Map<String, String> labels) {
    return start(
        type, client.resources(type).inAnyNamespace().withLabels(labels).runnableInformer(0), true);
  }

  /** Starts watching cluster-scoped {@code type}. */
  public <T extends HasMetadata> ClusterCache watchClusterScoped(Class<T> type) {
    SharedIndexInformer<T> informer = client.resources(type).runnableInformer(0);
    start(type, informer, false);
    if (type == Namespace.class) {
      @SuppressWarnings("unchecked")
      SharedIndexInformer<Namespace> ns = (SharedIndexInformer<Namespace>) informer;
      namespaces = ns;
    }
    return this;
  }

  /**
   * Starts {@code informer} without waiting for its first list: translation waits for {@link
   * #synced()} instead, and an API server that is down at start is retried, not fatal.
   */
  private <T extends HasMetadata> ClusterCache start(
      Class<T> type, SharedIndexInformer<T> informer, boolean statusMatters) {
    informer.addEventHandler(handler(statusMatters));
    informers.put(type, informer);
    informer
        .start()
        .exceptionally(
            e -> {
              LOG.log(
                  System.Logger.Level.ERROR,
                  "cannot list "
                      + type.getSimpleName()
                      + " from the API server: "
                      + e.getMessage());
              return null;
            });
    return this;
  }

  /** Says every kind is registered: until then {@link #synced()} is false. */
  public void complete() {
    complete = true;
  }

  /** True once every kind is registered and every informer has listed it. */
  public boolean synced() {
    return complete && informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /** The watched objects of {@code type} that are in a discovery namespace (or cluster-scoped). */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> List<T> list(Class<T> type) {
    SharedIndexInformer<? extends HasMetadata> informer = informers.get(type);
    if (informer == null) {
      throw new IllegalStateException(type.getSimpleName() + " is not watched");
    }
    List<T> all = (List<T>) informer.getStore().list();
    if (discoverySelectors.isEmpty()) {
      return all;
    }
    Function<String, Boolean> discovered = discoveredNamespaces();
    List<T> out = new ArrayList<>();
    for (T object : all) {
      String ns = object.getMetadata().getNamespace();
      if (ns == null || discovered.apply(ns)) {
        out.add(object);
      }
    }
    return out;
  }

  /** One object by namespace and name, or null; ignores the discovery filter. */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    SharedIndexInformer<? extends HasMetadata> informer = informers.get(type);
    if (informer == null) {
      throw new IllegalStateException(type.getSimpleName() + " is not watched");
    }
    return (T) informer.getStore().getByKey(namespace == null ? name : namespace + "/" + name);
  }

  private Function<String, Boolean> discoveredNamespaces() {
    Map<String, Boolean> memo = new HashMap<>();
    return ns ->
        memo.computeIfAbsent(
            ns,
            n -> {
              Namespace namespace = namespaces == null ? null : namespaces.getStore().getByKey(n);
              Map<String, String> labels =
                  namespace == null || namespace.getMetadata().getLabels() == null
                      ? Map.of("kubernetes.io/metadata.name", n)
                      : namespace.getMetadata().getLabels();
              return discoverySelectors.stream().anyMatch(s -> Selectors.matches(s, labels));
            });
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(boolean statusMatters) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(null, obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        // Status-only updates (often our own writes) do not change what translation reads.
        if (!Objects.equals(
                oldObj.getMetadata().getResourceVersion(),
                newObj.getMetadata().getResourceVersion())
            && (statusMatters || !sameExceptStatus(oldObj, newObj))) {
          onChange.accept(oldObj, newObj);
        }
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onChange.accept(obj, null);
      }
    };
  }

  private static boolean sameExceptStatus(HasMetadata a, HasMetadata b) {
    Long ga = a.getMetadata().getGeneration();
    Long gb = b.getMetadata().getGeneration();
    // Objects with a status subresource bump generation only on spec changes; labels and
    // annotations matter too (namespace selectors, Service annotations).
    return ga != null
        && ga.equals(gb)
        && Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
        && Objects.equals(a.getMetadata().getAnnotations(), b.getMetadata().getAnnotations())
        && !(a instanceof Namespace);
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
  }
}

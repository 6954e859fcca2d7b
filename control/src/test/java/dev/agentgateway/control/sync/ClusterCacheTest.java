package dev.agentgateway.control.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.testing.GatewayApiObjects;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterCacheTest {
  KubernetesClient client;

  @Test
  void discoverySelectorsLimitNamespacedObjectsButNotClusterScopedOnes() throws Exception {
    namespace("team-a", "team", "a");
    namespace("team-b", "team", "b");
    service("team-a", "svc");
    service("team-b", "svc");
    client.resource(GatewayApiObjects.ourClass()).create();
    AtomicInteger changes = new AtomicInteger();
    try (ClusterCache cache =
        new ClusterCache(
            client,
            List.of(new LabelSelectorBuilder().addToMatchLabels("team", "a").build()),
            (before, after) -> changes.incrementAndGet())) {
      cache
          .watchClusterScoped(Namespace.class)
          .watchClusterScoped(GatewayClass.class)
          .watch(Service.class);
      assertFalse(cache.synced(), "not synced before every kind is registered");
      cache.complete();
      assertTrue(eventually(cache::synced));

      List<Service> services = cache.list(Service.class);
      assertEquals(1, services.size());
      assertEquals("team-a", services.get(0).getMetadata().getNamespace());
      assertEquals(
          1, cache.list(GatewayClass.class).size(), "cluster-scoped kinds are not filtered");
      assertEquals(2, cache.list(Namespace.class).size(), "namespaces themselves are not filtered");
      assertTrue(changes.get() > 0, "events reached the change callback");

      // Relabelling a namespace brings its objects in.
      client
          .namespaces()
          .withName("team-b")
          .edit(
              n -> {
                n.getMetadata().getLabels().put("team", "a");
                return n;
              });
      assertTrue(eventually(() -> cache.list(Service.class).size() == 2));
    }
  }

  @Test
  void withoutSelectorsEveryNamespaceIsWatched() throws Exception {
    namespace("x", "k", "v");
    service("x", "svc");
    service("y", "svc");
    try (ClusterCache cache = new ClusterCache(client, List.of(), (before, after) -> {})) {
      cache.watchClusterScoped(Namespace.class).watch(Service.class);
      cache.complete();
      assertTrue(eventually(cache::synced));
      assertEquals(2, cache.list(Service.class).size());
    }
  }

  private void namespace(String name, String key, String value) {
    client
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(key, value)
                .endMetadata()
                .build())
        .create();
  }

  private void service(String ns, String name) {
    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}

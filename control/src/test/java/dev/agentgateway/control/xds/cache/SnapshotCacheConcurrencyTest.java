package dev.agentgateway.control.xds.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotCacheConcurrencyTest {
  private static final String TYPE = "type.googleapis.com/agentgateway.dev.resource.Resource";
  private static final Versioner<String> VERSIONER = Versioner.sha256OfString();
  private static final List<GatewayKey> GATEWAYS =
      List.of(new GatewayKey("ns", "a"), new GatewayKey("ns", "b"), new GatewayKey("ns", "c"));

  /** A subscriber's copy of its resources, built only from the deltas it received. */
  private static final class Mirror {
    final Map<String, String> state = new ConcurrentHashMap<>();

    void apply(Delta<String> delta) {
      delta.removed().forEach(state::remove);
      delta.updated().forEach(r -> state.put(r.name(), r.payload()));
    }
  }

  private static Snapshot<String> randomSnapshot(int writer, int round) {
    Snapshot.Builder<String> builder = Snapshot.builder(VERSIONER);
    for (int i = 0; i < 6; i++) {
      if ((round + i) % 3 != 0) {
        builder.add(TYPE, "route/" + i, "w" + writer + "r" + round + "i" + i % 2);
      }
    }
    return builder.build();
  }

  @Test
  void concurrentUpdatesConvergeForEveryWatcher() throws Exception {
    ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
    SnapshotCache<String> cache = new SnapshotCache<>(callbacks);
    Map<GatewayKey, List<Mirror>> mirrors = new ConcurrentHashMap<>();
    for (GatewayKey gateway : GATEWAYS) {
      for (int w = 0; w < 3; w++) {
        Mirror mirror = new Mirror();
        mirrors.computeIfAbsent(gateway, g -> new ArrayList<>()).add(mirror);
        cache.watch(gateway, TYPE, Map.of(), mirror::apply);
      }
    }

    List<Thread> writers = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      int id = writer;
      writers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int round = 0; round < 200; round++) {
                      if (id == 0) {
                        cache.setGlobal(randomSnapshot(id, round));
                      } else {
                        cache.setSnapshot(GATEWAYS.get(id - 1), randomSnapshot(id, round));
                      }
                      if (round % 50 == 49) {
                        cache.clearSnapshot(GATEWAYS.get(round % GATEWAYS.size()));
                      }
                    }
                  }));
    }
    for (Thread writer : writers) {
      writer.join();
    }
    callbacks.close();

    for (GatewayKey gateway : GATEWAYS) {
      Map<String, String> expected = new TreeMap<>();
      cache.view(gateway).resources(TYPE).forEach((name, r) -> expected.put(name, r.payload()));
      for (Mirror mirror : mirrors.get(gateway)) {
        assertEquals(expected, new TreeMap<>(mirror.state), "watcher of " + gateway);
      }
    }
  }

  @Test
  void slowConsumerDoesNotBlockOtherGateways() throws Exception {
    try (ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor()) {
      SnapshotCache<String> cache = new SnapshotCache<>(callbacks);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch otherNotified = new CountDownLatch(1);
      cache.watch(
          GATEWAYS.get(0),
          TYPE,
          Map.of(),
          d -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      cache.watch(GATEWAYS.get(1), TYPE, Map.of(), d -> otherNotified.countDown());

      cache.setSnapshot(GATEWAYS.get(0), randomSnapshot(0, 1));
      cache.setSnapshot(GATEWAYS.get(0), randomSnapshot(0, 2));
      cache.setSnapshot(GATEWAYS.get(1), randomSnapshot(1, 1));

      assertTrue(otherNotified.await(10, TimeUnit.SECONDS), "other gateway's watch was notified");
      release.countDown();
    }
  }
}

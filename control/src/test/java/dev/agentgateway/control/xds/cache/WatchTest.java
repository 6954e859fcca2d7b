package dev.agentgateway.control.xds.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchTest {
  private static final String TYPE = "type.googleapis.com/agentgateway.dev.resource.Resource";

  private static Map<String, VersionedResource<String>> view(String payload) {
    return Map.of("route/r", VersionedResource.of("route/r", payload, Versioner.sha256OfString()));
  }

  @Test
  void viewOfferedLateByASlowerUpdaterNeverReplacesANewerOne() {
    List<Delta<String>> deltas = new ArrayList<>();
    Watch<String> watch =
        new Watch<>(
            new GatewayKey("ns", "gw"), TYPE, Map.of(), deltas::add, Runnable::run, w -> {});

    watch.offer(2, view("newer"), "v2");
    watch.offer(1, view("older"), "v1");

    assertEquals(1, deltas.size());
    assertEquals("newer", deltas.get(0).updated().get(0).payload());
  }

  @Test
  void busyConsumerGetsOneCombinedDeltaForQueuedViews() {
    List<Delta<String>> deltas = new ArrayList<>();
    List<Runnable> queued = new ArrayList<>();
    Watch<String> watch =
        new Watch<>(new GatewayKey("ns", "gw"), TYPE, Map.of(), deltas::add, queued::add, w -> {});

    watch.offer(1, view("a"), "v1");
    watch.offer(2, view("b"), "v2");
    watch.offer(3, view("c"), "v3");
    queued.forEach(Runnable::run);

    assertEquals(1, queued.size());
    assertEquals(1, deltas.size());
    assertEquals("c", deltas.get(0).updated().get(0).payload());
    assertEquals("v3", deltas.get(0).systemVersion());
  }
}

package dev.agentgateway.control.xds.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  private static final String RESOURCE = "type.googleapis.com/agentgateway.dev.resource.Resource";
  private static final String ADDRESS = "type.googleapis.com/istio.workload.Address";
  private static final Versioner<String> VERSIONER = Versioner.sha256OfString();
  private static final GatewayKey GW_A = new GatewayKey("default", "a");
  private static final GatewayKey GW_B = new GatewayKey("default", "b");

  private final SnapshotCache<String> cache = new SnapshotCache<>();

  private static Snapshot<String> snapshot(String... nameThenPayload) {
    Snapshot.Builder<String> builder = Snapshot.builder(VERSIONER);
    for (int i = 0; i < nameThenPayload.length; i += 2) {
      builder.add(RESOURCE, nameThenPayload[i], nameThenPayload[i + 1]);
    }
    return builder.build();
  }

  private List<Delta<String>> watch(GatewayKey gateway, Map<String, String> known) {
    List<Delta<String>> deltas = new ArrayList<>();
    cache.watch(gateway, RESOURCE, known, deltas::add);
    return deltas;
  }

  private static Map<String, String> payloads(Delta<String> delta) {
    Map<String, String> byName = new TreeMap<>();
    delta.updated().forEach(r -> byName.put(r.name(), r.payload()));
    return byName;
  }

  private static String version(String payload) {
    return VERSIONER.version(payload);
  }

  @Test
  void initialWatchGetsEverything() {
    cache.setSnapshot(GW_A, snapshot("route/r1", "one", "route/r2", "two"));
    cache.setGlobal(snapshot("backend/b", "shared"));

    List<Delta<String>> deltas = watch(GW_A, Map.of());

    assertEquals(1, deltas.size());
    assertEquals(
        Map.of("backend/b", "shared", "route/r1", "one", "route/r2", "two"),
        payloads(deltas.get(0)));
    assertEquals(List.of(), deltas.get(0).removed());
    assertEquals(RESOURCE, deltas.get(0).typeUrl());
  }

  @Test
  void reconnectWithKnownVersionsGetsOnlyChangedAndRemoved() {
    cache.setSnapshot(
        GW_A, snapshot("route/same", "s", "route/changed", "new", "route/added", "x"));

    List<Delta<String>> deltas =
        watch(
            GW_A,
            Map.of(
                "route/same", version("s"),
                "route/changed", version("old"),
                "route/gone", version("g")));

    assertEquals(1, deltas.size());
    assertEquals(Map.of("route/added", "x", "route/changed", "new"), payloads(deltas.get(0)));
    assertEquals(List.of("route/gone"), deltas.get(0).removed());
  }

  @Test
  void reconnectWithEverythingKnownEmitsNothing() {
    cache.setSnapshot(GW_A, snapshot("route/r", "v"));

    assertEquals(List.of(), watch(GW_A, Map.of("route/r", version("v"))));
  }

  @Test
  void changeToOneGatewayDoesNotNotifyAnother() {
    List<Delta<String>> a = watch(GW_A, Map.of());
    List<Delta<String>> b = watch(GW_B, Map.of());

    cache.setSnapshot(GW_A, snapshot("route/r", "v"));

    assertEquals(1, a.size());
    assertEquals(List.of(), b);
  }

  @Test
  void globalChangeNotifiesEveryGateway() {
    cache.setSnapshot(GW_A, snapshot("route/r", "v"));
    List<Delta<String>> a = watch(GW_A, Map.of());
    List<Delta<String>> b = watch(GW_B, Map.of());
    a.clear();

    cache.setGlobal(snapshot("backend/b", "shared"));

    assertEquals(Map.of("backend/b", "shared"), payloads(a.get(0)));
    assertEquals(Map.of("backend/b", "shared"), payloads(b.get(0)));
  }

  @Test
  void removingResourceEmitsItsName() {
    cache.setSnapshot(GW_A, snapshot("route/keep", "k", "route/drop", "d"));
    List<Delta<String>> deltas = watch(GW_A, Map.of());

    cache.setSnapshot(GW_A, snapshot("route/keep", "k"));

    assertEquals(2, deltas.size());
    assertEquals(List.of(), deltas.get(1).updated());
    assertEquals(List.of("route/drop"), deltas.get(1).removed());
  }

  @Test
  void clearingGatewayRemovesItsResourcesButKeepsGlobal() {
    cache.setGlobal(snapshot("backend/b", "shared"));
    cache.setSnapshot(GW_A, snapshot("route/r", "v"));
    List<Delta<String>> deltas = watch(GW_A, Map.of());

    cache.clearSnapshot(GW_A);

    assertEquals(List.of("route/r"), deltas.get(1).removed());
    assertEquals(List.of(), deltas.get(1).updated());
    assertEquals(Set.of("backend/b"), cache.view(GW_A).resources(RESOURCE).keySet());
  }

  @Test
  void identicalContentSendsNoDelta() {
    cache.setSnapshot(GW_A, snapshot("route/r", "v"));
    List<Delta<String>> deltas = watch(GW_A, Map.of());

    cache.setSnapshot(GW_A, snapshot("route/r", "v"));
    cache.setGlobal(Snapshot.empty());

    assertEquals(1, deltas.size());
    assertEquals(snapshot("route/r", "v").version(), snapshot("route/r", "v").version());
  }

  @Test
  void perGatewayResourceOverridesGlobalOnNameClash() {
    cache.setGlobal(snapshot("backend/b", "global"));
    cache.setSnapshot(GW_A, snapshot("backend/b", "mine"));

    assertEquals("mine", cache.view(GW_A).resources(RESOURCE).get("backend/b").payload());
    assertEquals("global", cache.view(GW_B).resources(RESOURCE).get("backend/b").payload());
    List<Delta<String>> deltas = watch(GW_A, Map.of());
    assertEquals(Map.of("backend/b", "mine"), payloads(deltas.get(0)));

    cache.clearSnapshot(GW_A);

    assertEquals(Map.of("backend/b", "global"), payloads(deltas.get(1)));
    assertEquals(List.of(), deltas.get(1).removed());
  }

  @Test
  void watchSeesOnlyItsTypeUrl() {
    List<Delta<String>> deltas = watch(GW_A, Map.of());

    cache.setGlobal(Snapshot.<String>builder(VERSIONER).add(ADDRESS, "svc/x", "addr").build());

    assertEquals(List.of(), deltas);
  }

  @Test
  void closingWatchStopsNotifications() {
    List<Delta<String>> deltas = new ArrayList<>();
    Watch<String> watch = cache.watch(GW_A, RESOURCE, Map.of(), deltas::add);
    cache.setSnapshot(GW_A, snapshot("route/r", "1"));

    watch.close();
    cache.setSnapshot(GW_A, snapshot("route/r", "2"));
    cache.setGlobal(snapshot("backend/b", "shared"));

    assertEquals(1, deltas.size());
    assertTrue(deltas.get(0).updated().stream().allMatch(r -> r.payload().equals("1")));
  }

  @Test
  void failingConsumerDoesNotStopLaterDeltas() {
    List<Delta<String>> deltas = new ArrayList<>();
    cache.watch(
        GW_A,
        RESOURCE,
        Map.of(),
        d -> {
          deltas.add(d);
          if (deltas.size() == 1) {
            throw new IllegalStateException("first push fails");
          }
        });

    cache.setSnapshot(GW_A, snapshot("route/r", "1"));
    cache.setSnapshot(GW_A, snapshot("route/r", "2"));

    assertEquals(2, deltas.size());
    assertEquals(Map.of("route/r", "2"), payloads(deltas.get(1)));
  }
}

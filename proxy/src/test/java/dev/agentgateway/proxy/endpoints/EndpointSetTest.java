package dev.agentgateway.proxy.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class EndpointSetTest {
  private static final RandomGenerator RANDOM = new SplittableRandom(42);

  private static EndpointSet set(int count) {
    List<ServiceEndpoints.Endpoint> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new ServiceEndpoints.Endpoint("10.0.0." + (i + 1), 8080));
    }
    return EndpointSet.of(new ServiceEndpoints("shop", "cart", 80, list));
  }

  private static int[] counts(EndpointSet set, int picks, UpstreamEndpoint avoid) {
    int[] counts = new int[set.size()];
    for (int i = 0; i < picks; i++) {
      UpstreamEndpoint picked = set.pick(RANDOM, avoid);
      for (int j = 0; j < set.size(); j++) {
        if (set.get(j) == picked) {
          counts[j]++;
        }
      }
    }
    return counts;
  }

  @Test
  void idleEndpointsAllGetAFairShare() {
    EndpointSet set = set(5);
    int[] counts = counts(set, 5000, null);
    for (int i = 0; i < counts.length; i++) {
      // An even share is 1000; P2C on equal loads is a uniform draw.
      assertTrue(counts[i] > 800 && counts[i] < 1200, "endpoint " + i + ": " + counts[i]);
    }
  }

  @Test
  void busierEndpointIsNeverChosenOverAnIdleOneOfTwo() {
    EndpointSet set = set(2);
    set.get(0).acquire();
    int[] counts = counts(set, 200, null);
    assertEquals(0, counts[0]);
    assertEquals(200, counts[1]);
    set.get(0).release();
    assertEquals(0, set.get(0).inFlight());
  }

  @Test
  void theMostLoadedOfManyIsNeverPicked() {
    EndpointSet set = set(4);
    for (int i = 0; i < 3; i++) {
      set.get(2).acquire();
    }
    set.get(1).acquire();
    int[] counts = counts(set, 2000, null);
    // Any pair that includes endpoint 2 holds a less busy one.
    assertEquals(0, counts[2]);
    assertTrue(counts[0] > counts[1] && counts[3] > counts[1], java.util.Arrays.toString(counts));
  }

  @Test
  void retryAvoidsThePreviousEndpointWhenThereIsAnother() {
    EndpointSet two = set(2);
    for (int i = 0; i < 50; i++) {
      assertSame(two.get(1), two.pick(RANDOM, two.get(0)));
      assertSame(two.get(0), two.pick(RANDOM, two.get(1)));
    }
    EndpointSet three = set(3);
    int[] counts = counts(three, 900, three.get(1));
    assertEquals(0, counts[1]);
    assertTrue(counts[0] > 300 && counts[2] > 300, java.util.Arrays.toString(counts));
  }

  @Test
  void singleEndpointIsAlwaysPickedEvenOnRetry() {
    EndpointSet one = set(1);
    UpstreamEndpoint only = one.pick(RANDOM, null);
    assertSame(one.get(0), only);
    assertSame(only, one.pick(RANDOM, only));
  }

  @Test
  void noEndpointsPicksNothing() {
    assertNull(set(0).pick(RANDOM, null));
  }

  @Test
  void anEndpointOfAnotherStateIsNotAvoidedByIndex() {
    EndpointSet old = set(2);
    EndpointSet next = set(2);
    int[] counts = counts(next, 400, old.get(0));
    assertTrue(counts[0] > 100 && counts[1] > 100, java.util.Arrays.toString(counts));
    assertNotSame(old.get(0), next.get(0));
  }

  @Test
  void tableFindsEndpointsByServiceAndNamesTheMissingOne() {
    EndpointTable table =
        EndpointTable.compile(
            List.of(
                new ServiceEndpoints(
                    "shop", "cart", 80, List.of(new ServiceEndpoints.Endpoint("fd00::1", 8080)))));
    EndpointSet cart = table.get(new Backend.Service("shop", "cart", 80));
    assertEquals("shop/cart:80", cart.service());
    assertEquals("cart.shop.svc.cluster.local:80", cart.hostname());
    assertEquals("[fd00::1]:8080", cart.get(0).toString());
    assertNull(table.get(new Backend.Service("shop", "cart", 81)));
    assertNull(EndpointTable.EMPTY.get(new Backend.Service("shop", "cart", 80)));
    assertEquals(
        "no ready endpoints for service shop/cart:81",
        EndpointTable.noEndpointsReason(new Backend.Service("shop", "cart", 81)));
  }
}

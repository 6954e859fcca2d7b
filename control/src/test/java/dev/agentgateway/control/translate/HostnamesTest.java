package dev.agentgateway.control.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostnamesTest {

  @Test
  void routeWithoutHostnamesTakesTheListenersOrAny() {
    assertEquals(List.of(), Hostnames.intersect(null, List.of()));
    assertEquals(List.of("a.example.com"), Hostnames.intersect("a.example.com", null));
  }

  @Test
  void listenerWithoutHostnameKeepsTheRoutes() {
    assertEquals(List.of("a.io", "*.b.io"), Hostnames.intersect(null, List.of("A.io", "*.b.io")));
  }

  @Test
  void wildcardListenerKeepsTheRoutesMoreSpecificNames() {
    assertEquals(
        List.of("foo.example.com", "*.bar.example.com"),
        Hostnames.intersect(
            "*.example.com", List.of("foo.example.com", "*.bar.example.com", "other.org")));
  }

  @Test
  void wildcardRouteNarrowsToTheListenersName() {
    assertEquals(
        List.of("a.example.com"), Hostnames.intersect("a.example.com", List.of("*.example.com")));
    assertEquals(
        List.of("*.a.example.com"),
        Hostnames.intersect("*.a.example.com", List.of("*.example.com")));
  }

  @Test
  void wildcardNeedsAtLeastOneMoreLabel() {
    assertNull(Hostnames.intersect("*.example.com", List.of("example.com")));
    assertNull(Hostnames.intersect("example.com", List.of("*.example.com")));
  }

  @Test
  void disjointNamesDoNotIntersect() {
    assertNull(Hostnames.intersect("a.example.com", List.of("b.example.com")));
  }
}

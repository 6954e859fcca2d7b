package dev.agentgateway.proxy.routing;

import static dev.agentgateway.proxy.routing.Routes.exact;
import static dev.agentgateway.proxy.routing.Routes.listener;
import static dev.agentgateway.proxy.routing.Routes.prefix;
import static dev.agentgateway.proxy.routing.Routes.route;
import static dev.agentgateway.proxy.routing.Routes.table;
import static dev.agentgateway.proxy.routing.Routes.winner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Route selection by host: listener hostnames first, then route hostnames, exact before wildcard.
 */
class RouteTableHostnameTest {

  @Test
  void exactHostnameBeatsWildcard() {
    String l = Routes.LISTENER;
    RouteTable table =
        table(
            route("wildcard", l, 0, List.of("*.example.com"), exact("/x")),
            route("exact-host", l, 1, List.of("a.example.com"), prefix("/")),
            route("any-host", l, 2, List.of(), exact("/x")));

    // Hostname specificity ranks above path specificity.
    assertEquals("exact-host", winner(table, TestRequest.get("/x").host("a.example.com")));
    assertEquals("wildcard", winner(table, TestRequest.get("/x").host("b.example.com")));
    assertEquals("any-host", winner(table, TestRequest.get("/x").host("other.org")));
    assertNull(winner(table, TestRequest.get("/y").host("b.example.com")));
  }

  @Test
  void longerWildcardHostnameWins() {
    String l = Routes.LISTENER;
    RouteTable table =
        table(
            route("short", l, 0, List.of("*.example.com"), prefix("/")),
            route("long", l, 1, List.of("*.b.example.com"), prefix("/")));

    assertEquals("long", winner(table, TestRequest.get("/").host("a.b.example.com")));
    assertEquals("short", winner(table, TestRequest.get("/").host("a.example.com")));
    assertEquals("short", winner(table, TestRequest.get("/").host("x.y.example.com")));
    assertEquals("short", winner(table, TestRequest.get("/").host("b.example.com")));
    assertNull(winner(table, TestRequest.get("/").host("example.com")));
  }

  @Test
  void routeWithHostnamesIgnoresOtherHosts() {
    RouteTable table =
        table(
            route(
                "r",
                Routes.LISTENER,
                0,
                List.of("api.example.com", "*.api.example.com"),
                prefix("/")));

    assertEquals("r", winner(table, TestRequest.get("/").host("api.example.com")));
    assertEquals("r", winner(table, TestRequest.get("/").host("v1.api.example.com")));
    assertNull(winner(table, TestRequest.get("/").host("example.com")));
    assertNull(winner(table, TestRequest.get("/")));
  }

  @Test
  void routeHostnamesCompareCaseInsensitively() {
    RouteTable table =
        table(route("r", Routes.LISTENER, 0, List.of("API.Example.com"), prefix("/")));

    assertEquals("r", winner(table, TestRequest.get("/").host("api.example.com")));
  }

  @Test
  void listenerWithHostnameChosenFirst() {
    RouteTable table =
        RouteTable.compile(
            List.of(
                listener("default", null),
                listener("wild", "*.example.com"),
                listener("api", "api.example.com")),
            List.of(
                route("default-root", "default", 0, List.of(), prefix("/")),
                route("wild-root", "wild", 0, List.of(), prefix("/")),
                route("api-only", "api", 0, List.of(), prefix("/only"))));

    RouteSelection api = table.select(TestRequest.get("/only/x").host("api.example.com"));
    assertEquals("api-only", api.route().key());
    assertEquals("api", api.listener().key());
    assertEquals("wild-root", winner(table, TestRequest.get("/").host("x.example.com")));
    assertEquals("default-root", winner(table, TestRequest.get("/").host("example.com")));
    assertEquals("default-root", winner(table, TestRequest.get("/")));
    // Only the chosen listener's routes count: the default listener's "/" does not catch this.
    assertNull(winner(table, TestRequest.get("/other").host("api.example.com")));
  }

  @Test
  void longerWildcardListenerWins() {
    RouteTable table =
        RouteTable.compile(
            List.of(listener("short", "*.example.com"), listener("long", "*.eu.example.com")),
            List.of(
                route("short-root", "short", 0, List.of(), prefix("/")),
                route("long-root", "long", 0, List.of(), prefix("/"))));

    assertEquals("long-root", winner(table, TestRequest.get("/").host("a.eu.example.com")));
    assertEquals("short-root", winner(table, TestRequest.get("/").host("a.us.example.com")));
    assertNull(winner(table, TestRequest.get("/").host("example.com")));
  }

  @Test
  void routesOfUnknownListenersAreIgnored() {
    RouteTable table =
        RouteTable.compile(
            List.of(listener("known", null)),
            List.of(route("stray", "unknown", 0, List.of(), prefix("/"))));

    assertNull(winner(table, TestRequest.get("/")));
  }
}

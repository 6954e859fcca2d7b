package dev.agentgateway.proxy.routing;

import static dev.agentgateway.proxy.routing.Routes.exact;
import static dev.agentgateway.proxy.routing.Routes.header;
import static dev.agentgateway.proxy.routing.Routes.headerRegex;
import static dev.agentgateway.proxy.routing.Routes.prefix;
import static dev.agentgateway.proxy.routing.Routes.query;
import static dev.agentgateway.proxy.routing.Routes.queryRegex;
import static dev.agentgateway.proxy.routing.Routes.regex;
import static dev.agentgateway.proxy.routing.Routes.route;
import static dev.agentgateway.proxy.routing.Routes.table;
import static dev.agentgateway.proxy.routing.Routes.winner;
import static dev.agentgateway.proxy.routing.Routes.withHeaders;
import static dev.agentgateway.proxy.routing.Routes.withMethod;
import static dev.agentgateway.proxy.routing.Routes.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route selection precedence within one listener: paths, methods, headers, query, order. */
class RouteTableTest {

  @Test
  void exactPathBeatsLongerPrefix() {
    RouteTable table =
        table(
            route("prefix-long", 0, prefix("/api/v1/users")),
            route("prefix-short", 1, prefix("/api")),
            route("exact", 2, exact("/api/v1/users")));

    assertEquals("exact", winner(table, TestRequest.get("/api/v1/users")));
    assertEquals("prefix-long", winner(table, TestRequest.get("/api/v1/users/7")));
  }

  @Test
  void exactPathComparesTheRawPath() {
    RouteTable table = table(route("exact", 0, exact("/a%20b")));

    assertEquals("exact", winner(table, TestRequest.get("/a%20b")));
    assertNull(winner(table, TestRequest.get("/a b")));
    assertNull(winner(table, TestRequest.get("/a%20b/")));
  }

  @Test
  void longestPrefixWins() {
    RouteTable table =
        table(
            route("root", 0, prefix("/")),
            route("api", 1, prefix("/api")),
            route("api-v1", 2, prefix("/api/v1")),
            route("api-v1-users", 3, prefix("/api/v1/users")));

    assertEquals("api-v1-users", winner(table, TestRequest.get("/api/v1/users/7")));
    assertEquals("api-v1", winner(table, TestRequest.get("/api/v1/orders")));
    assertEquals("api", winner(table, TestRequest.get("/api/v2")));
    assertEquals("root", winner(table, TestRequest.get("/other")));
  }

  @Test
  void longerPrefixWinsEvenWhenShorterHasMoreConditions() {
    RouteTable table =
        table(
            route("short", 0, withHeaders(withMethod(prefix("/api"), "GET"), header("x-a", "1"))),
            route("long", 1, prefix("/api/v1")));

    assertEquals("long", winner(table, TestRequest.get("/api/v1/x").header("x-a", "1")));
  }

  @Test
  void prefixMatchesOnSegmentBoundary() {
    RouteTable table = table(route("foo", 0, prefix("/foo")));

    assertEquals("foo", winner(table, TestRequest.get("/foo")));
    assertEquals("foo", winner(table, TestRequest.get("/foo/")));
    assertEquals("foo", winner(table, TestRequest.get("/foo/bar")));
    assertNull(winner(table, TestRequest.get("/foobar")));
    assertNull(winner(table, TestRequest.get("/fo")));
    assertNull(winner(table, TestRequest.get("/")));
  }

  @Test
  void prefixWithTrailingSlashAlsoMatchesTheBarePath() {
    RouteTable table = table(route("foo", 0, prefix("/foo/")));

    assertEquals("foo", winner(table, TestRequest.get("/foo")));
    assertEquals("foo", winner(table, TestRequest.get("/foo/")));
    assertEquals("foo", winner(table, TestRequest.get("/foo/bar/baz")));
    assertNull(winner(table, TestRequest.get("/foobar")));
  }

  @Test
  void rootPrefixMatchesEveryPath() {
    RouteTable table = table(route("root", 0, prefix("/")));

    for (String path : List.of("/", "/a", "/a/b/c", "//x", "*")) {
      assertEquals("root", winner(table, TestRequest.get(path)), path);
    }
  }

  @Test
  void methodMatchBeatsNoMethod() {
    RouteTable table =
        table(
            route(
                "any-method", 0, withHeaders(prefix("/m"), header("x-a", "1"), header("x-b", "2"))),
            route("post", 1, withMethod(prefix("/m"), "POST")));

    TestRequest post = TestRequest.get("/m").method("POST").header("x-a", "1").header("x-b", "2");
    assertEquals("post", winner(table, post));
    assertEquals(
        "any-method", winner(table, TestRequest.get("/m").header("x-a", "1").header("x-b", "2")));
  }

  @Test
  void methodIsCaseSensitive() {
    RouteTable table = table(route("post", 0, withMethod(prefix("/"), "POST")));

    assertEquals("post", winner(table, TestRequest.get("/").method("POST")));
    assertNull(winner(table, TestRequest.get("/").method("post")));
  }

  @Test
  void moreHeaderMatchesWin() {
    RouteTable table =
        table(
            route("one", 0, withHeaders(prefix("/h"), header("x-env", "prod"))),
            route(
                "two",
                1,
                withHeaders(prefix("/h"), header("x-env", "prod"), header("x-tier", "gold"))));

    assertEquals(
        "two",
        winner(table, TestRequest.get("/h").header("x-env", "prod").header("x-tier", "gold")));
    assertEquals("one", winner(table, TestRequest.get("/h").header("x-env", "prod")));
    assertNull(winner(table, TestRequest.get("/h").header("x-env", "dev")));
  }

  @Test
  void headerNamesMatchCaseInsensitively() {
    RouteTable table = table(route("h", 0, withHeaders(prefix("/"), header("X-Env", "prod"))));

    assertEquals("h", winner(table, TestRequest.get("/").header("x-env", "prod")));
    assertNull(winner(table, TestRequest.get("/").header("x-env", "PROD")));
  }

  @Test
  void headerMatchesRankAboveQueryMatches() {
    RouteTable table =
        table(
            route("queries", 0, withQuery(prefix("/"), query("a", "1"), query("b", "2"))),
            route("header", 1, withHeaders(prefix("/"), header("x-a", "1"))));

    TestRequest both = TestRequest.get("/").header("x-a", "1").query("a", "1").query("b", "2");
    assertEquals("header", winner(table, both));
  }

  @Test
  void moreQueryMatchesWin() {
    RouteTable table =
        table(
            route("one", 0, withQuery(prefix("/q"), query("v", "1"))),
            route("two", 1, withQuery(prefix("/q"), query("v", "1"), query("debug", "true"))));

    assertEquals(
        "two", winner(table, TestRequest.get("/q").query("v", "1").query("debug", "true")));
    assertEquals("one", winner(table, TestRequest.get("/q").query("v", "1")));
    assertNull(winner(table, TestRequest.get("/q").query("v", "2")));
  }

  @Test
  void earlierRouteWinsTie() {
    // Listed in reverse: the route order decides, not the list position.
    RouteTable table = table(route("late", 5, prefix("/t")), route("early", 2, prefix("/t")));

    assertEquals("early", winner(table, TestRequest.get("/t/x")));
  }

  @Test
  void equalOrderFallsBackToName() {
    RouteTable table = table(route("b-route", 0, prefix("/t")), route("a-route", 0, prefix("/t")));

    assertEquals("a-route", winner(table, TestRequest.get("/t")));
  }

  @Test
  void earlierMatchOfOneRouteWinsTieAndIsReported() {
    RouteTable table = table(route("r", 0, prefix("/x/"), prefix("/x")));

    RouteSelection selection = table.select(TestRequest.get("/x/y"));
    assertEquals(new PathMatch.Prefix("/x/"), selection.matchedPath());
  }

  @Test
  void matchedPathIsTheWinningAlternative() {
    RouteTable table = table(route("r", 0, prefix("/a"), exact("/b"), regex("/c/[0-9]+")));

    assertEquals(new PathMatch.Prefix("/a"), table.select(TestRequest.get("/a/1")).matchedPath());
    assertEquals(new PathMatch.Exact("/b"), table.select(TestRequest.get("/b")).matchedPath());
    assertEquals(
        new PathMatch.Regex("/c/[0-9]+"), table.select(TestRequest.get("/c/9")).matchedPath());
  }

  @Test
  void regexPathMustMatchTheWholePath() {
    RouteTable table = table(route("items", 0, regex("/items/[0-9]+")));

    assertEquals("items", winner(table, TestRequest.get("/items/42")));
    assertNull(winner(table, TestRequest.get("/items/42/x")));
    assertNull(winner(table, TestRequest.get("/v1/items/42")));
    assertNull(winner(table, TestRequest.get("/items/abc")));
  }

  @Test
  void regexPathWithAlternationOrOptionalCharactersMatches() {
    RouteTable table =
        table(route("alt", 0, regex("/a/x|/b/[0-9]+")), route("opt", 1, regex("/cd?/e")));

    assertEquals("alt", winner(table, TestRequest.get("/b/12")));
    assertEquals("alt", winner(table, TestRequest.get("/a/x")));
    assertEquals("opt", winner(table, TestRequest.get("/c/e")));
    assertEquals("opt", winner(table, TestRequest.get("/cd/e")));
    assertNull(winner(table, TestRequest.get("/cdd/e")));
  }

  @Test
  void regexPathRanksAfterAnyPrefix() {
    RouteTable table =
        table(route("regex", 0, regex("/items/[0-9]+")), route("root", 1, prefix("/")));

    assertEquals("root", winner(table, TestRequest.get("/items/42")));
  }

  @Test
  void regexPathsRankByMethodHeadersQueryThenOrder() {
    RouteTable table =
        table(
            route("plain", 0, regex("/r/.*")),
            route("with-header", 1, withHeaders(regex("/r/[a-z]+"), header("x-a", "1"))));

    assertEquals("with-header", winner(table, TestRequest.get("/r/abc").header("x-a", "1")));
    assertEquals("plain", winner(table, TestRequest.get("/r/abc")));
  }

  @Test
  void regexHeaderMatchesTheWholeFirstValue() {
    RouteTable table =
        table(route("v", 0, withHeaders(prefix("/"), headerRegex("x-version", "v[0-9]+"))));

    assertEquals("v", winner(table, TestRequest.get("/").header("x-version", "v12")));
    assertNull(winner(table, TestRequest.get("/").header("x-version", "v12-beta")));
    assertNull(winner(table, TestRequest.get("/")));
  }

  @Test
  void regexQueryMatchesTheWholeValue() {
    RouteTable table =
        table(route("q", 0, withQuery(prefix("/"), queryRegex("id", "[a-f0-9]{4}"))));

    assertEquals("q", winner(table, TestRequest.get("/").query("id", "beef")));
    assertNull(winner(table, TestRequest.get("/").query("id", "beefy")));
  }

  @Test
  void noMatchReturnsNull() {
    assertNull(winner(table(), TestRequest.get("/")));
    assertNull(RouteTable.compile(List.of(), List.of()).select(TestRequest.get("/")));
    RouteTable table = table(route("a", 0, exact("/a")), route("b", 1, prefix("/b")));
    assertNull(winner(table, TestRequest.get("/c")));
  }

  @Test
  void selectionIsPrecomputedPerRouteMatch() {
    Route route = route("r", 0, prefix("/a"), prefix("/b"));
    RouteTable table = table(route);

    RouteSelection first = table.select(TestRequest.get("/a/1"));
    assertSame(first, table.select(TestRequest.get("/a/2")));
    RouteSelection other = table.select(TestRequest.get("/b"));
    assertSame(first.backends(), other.backends());
    assertSame(route, first.route());
  }

  @Test
  void invalidRegexNamesTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> table(route("bad", 0, withHeaders(prefix("/"), headerRegex("x", "(")))));

    assertTrue(
        e.getMessage().startsWith("route bad matches[0].headers[0]: invalid regular expression"),
        e.getMessage());
  }
}

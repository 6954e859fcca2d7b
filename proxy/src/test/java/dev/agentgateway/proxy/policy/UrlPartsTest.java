package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import org.junit.jupiter.api.Test;

class UrlPartsTest {
  private static String prefix(String replacement, String path, String matched) {
    return UrlParts.path(new PathRewrite.Prefix(replacement), path, new PathMatch.Prefix(matched));
  }

  @Test
  void prefixRewriteKeepsTheRestOfThePath() {
    assertEquals("/v2/items", prefix("/v2", "/api/items", "/api"));
    assertEquals("/v2", prefix("/v2", "/api", "/api"));
    assertEquals("/v2/items", prefix("/v2/", "/api/items", "/api/"));
    assertEquals("/bar/x", prefix("/bar", "/x", "/"));
  }

  @Test
  void prefixRewriteToRootDoesNotDoubleTheSlash() {
    assertEquals("/items", prefix("/", "/api/items", "/api"));
    assertEquals("/", prefix("/", "/api", "/api"));
  }

  @Test
  void fullRewriteReplacesEverything() {
    assertEquals(
        "/new",
        UrlParts.path(new PathRewrite.Full("/new"), "/old/x", new PathMatch.Prefix("/old")));
  }

  @Test
  void prefixRewriteWithoutPrefixMatchReplacesThePath() {
    assertEquals(
        "/v2",
        UrlParts.path(new PathRewrite.Prefix("/v2"), "/exact", new PathMatch.Exact("/exact")));
  }

  @Test
  void authorityRewrites() {
    assertEquals(
        "b.test:9", UrlParts.authority(new AuthorityRewrite.Full("b.test:9"), "a.test:80", "up:1"));
    assertEquals(
        "b.test:80", UrlParts.authority(new AuthorityRewrite.Host("b.test"), "a.test:80", "up:1"));
    assertEquals(
        "b.test", UrlParts.authority(new AuthorityRewrite.Host("b.test"), "a.test", "up:1"));
    assertEquals(
        "a.test:8443", UrlParts.authority(new AuthorityRewrite.Port(8443), "a.test:80", "up:1"));
    assertEquals(
        "[::1]:8443", UrlParts.authority(new AuthorityRewrite.Port(8443), "[::1]:80", "up:1"));
    assertEquals(
        "[::1]:8443", UrlParts.authority(new AuthorityRewrite.Port(8443), "[::1]", "up:1"));
    assertEquals("up:1", UrlParts.authority(new AuthorityRewrite.Auto(), "a.test", "up:1"));
    assertEquals("a.test", UrlParts.authority(new AuthorityRewrite.None(), "a.test", "up:1"));
  }
}

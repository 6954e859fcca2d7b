package dev.agentgateway.proxy.policy.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void extractsTheTokenWhateverTheSchemeCase() {
    for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
      assertEquals(
          new BearerToken.Present("a.b.c"), BearerToken.extract(List.of(scheme + " a.b.c")));
    }
    assertEquals(
        new BearerToken.Present("abc+/=="), BearerToken.extract(List.of("  Bearer   abc+/==  ")));
  }

  @Test
  void noHeaderOrAnotherSchemeIsMissing() {
    assertSame(BearerToken.Missing.INSTANCE, BearerToken.extract(null));
    assertSame(BearerToken.Missing.INSTANCE, BearerToken.extract(List.of()));
    assertSame(BearerToken.Missing.INSTANCE, BearerToken.extract(List.of("Basic dXNlcjpwdw==")));
    assertSame(BearerToken.Missing.INSTANCE, BearerToken.extract(List.of("Bearertoken")));
  }

  @Test
  void refusesMultipleAuthorizationHeaders() {
    assertEquals(
        new BearerToken.Malformed("multiple Authorization headers"),
        BearerToken.extract(List.of("Bearer a", "Bearer b")));
    assertEquals(
        new BearerToken.Malformed("multiple Authorization headers"),
        BearerToken.extract(List.of("Basic x", "Bearer b")));
  }

  @Test
  void refusesAnEmptyOrNonToken68Token() {
    assertEquals(
        new BearerToken.Malformed("empty bearer token"), BearerToken.extract(List.of("Bearer")));
    assertEquals(
        new BearerToken.Malformed("empty bearer token"), BearerToken.extract(List.of("Bearer   ")));
    for (String bad :
        List.of("Bearer a b", "Bearer a,Bearer b", "Bearer =abc", "Bearer a=b", "Bearer \"x\"")) {
      assertEquals(
          new BearerToken.Malformed("bearer token has invalid characters"),
          BearerToken.extract(List.of(bad)),
          bad);
    }
  }

  @Test
  void aPresentTokenDoesNotPrintItself() {
    assertFalse(new BearerToken.Present("secret.token.value").toString().contains("secret"));
  }
}

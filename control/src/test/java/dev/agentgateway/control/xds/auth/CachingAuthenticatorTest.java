package dev.agentgateway.control.xds.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.control.xds.cache.GatewayKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingAuthenticatorTest {
  private static final Authentication GW = new Authentication.Accepted(new GatewayKey("ns", "gw"));
  private static final Authentication BAD = new Authentication.Refused("token not authenticated");

  private final AtomicLong now = new AtomicLong();
  private final List<String> asked = new ArrayList<>();

  private CachingAuthenticator cache(int max) {
    return new CachingAuthenticator(
        token -> {
          asked.add(token);
          if (token.startsWith("down")) {
            throw new ReviewUnavailableException("TokenReview failed: HTTP 503", null);
          }
          return token.startsWith("good") ? GW : BAD;
        },
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        max,
        now::get);
  }

  @Test
  void remembersAcceptedTokensForTheirLifetime() {
    CachingAuthenticator cache = cache(10);
    assertEquals(GW, cache.authenticate("good-1"));
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertEquals(GW, cache.authenticate("good-1"));
    assertEquals(List.of("good-1"), asked);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(GW, cache.authenticate("good-1"));
    assertEquals(List.of("good-1", "good-1"), asked, "asked again once expired");
  }

  @Test
  void remembersRefusalsForAShorterTime() {
    CachingAuthenticator cache = cache(10);
    assertEquals(BAD, cache.authenticate("bad"));
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertEquals(BAD, cache.authenticate("bad"));
    assertEquals(1, asked.size());
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    cache.authenticate("bad");
    assertEquals(2, asked.size());
  }

  @Test
  void doesNotRememberUnavailableReviews() {
    CachingAuthenticator cache = cache(10);
    assertThrows(ReviewUnavailableException.class, () -> cache.authenticate("down"));
    assertThrows(ReviewUnavailableException.class, () -> cache.authenticate("down"));
    assertEquals(2, asked.size());
    assertEquals(0, cache.size());
  }

  @Test
  void holdsAtMostItsSizeDroppingTheLeastRecentlyUsed() {
    CachingAuthenticator cache = cache(2);
    cache.authenticate("good-1");
    cache.authenticate("good-2");
    cache.authenticate("good-1"); // good-2 is now the least recently used
    cache.authenticate("good-3");
    assertEquals(2, cache.size());
    asked.clear();

    cache.authenticate("good-1");
    cache.authenticate("good-2");
    assertEquals(List.of("good-2"), asked, "good-1 was kept, good-2 evicted");
  }
}

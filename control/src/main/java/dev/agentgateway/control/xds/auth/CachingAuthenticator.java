package dev.agentgateway.control.xds.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Remembers verdicts briefly, so a proxy reconnecting in a loop does not send a TokenReview per
 * attempt. Keys are SHA-256 hashes of the tokens, never the tokens; the least recently used entry
 * goes when the cache is full. Unavailable reviews are not remembered.
 */
public final class CachingAuthenticator implements TokenAuthenticator {

  /** How long an accepted token is trusted without asking again. */
  public static final Duration ACCEPTED_TTL = Duration.ofSeconds(30);

  /** How long a refused token stays refused without asking again. */
  public static final Duration REFUSED_TTL = Duration.ofSeconds(5);

  /** The most verdicts held. */
  public static final int MAX_ENTRIES = 4096;

  private record Verdict(Authentication verdict, long expiresNanos) {}

  private final TokenAuthenticator delegate;
  private final long acceptedNanos;
  private final long refusedNanos;
  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  private final LinkedHashMap<String, Verdict> entries;

  /** Caches {@code delegate}'s verdicts with the default lifetimes and size. */
  public CachingAuthenticator(TokenAuthenticator delegate) {
    this(delegate, ACCEPTED_TTL, REFUSED_TTL, MAX_ENTRIES, System::nanoTime);
  }

  CachingAuthenticator(
      TokenAuthenticator delegate,
      Duration acceptedTtl,
      Duration refusedTtl,
      int maxEntries,
      LongSupplier nanoTime) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.acceptedNanos = acceptedTtl.toNanos();
    this.refusedNanos = refusedTtl.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cache size must be positive: " + maxEntries);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
            return size() > maxEntries;
          }
        };
  }

  @Override
  public Authentication authenticate(String token) {
    String key = hash(token);
    lock.lock();
    try {
      Verdict entry = entries.get(key);
      if (entry != null && nanoTime.getAsLong() - entry.expiresNanos() < 0) {
        return entry.verdict();
      }
    } finally {
      lock.unlock();
    }
    // The review runs outside the lock: one slow API call must not hold up other tokens.
    Authentication verdict = delegate.authenticate(token);
    long ttl = verdict instanceof Authentication.Accepted ? acceptedNanos : refusedNanos;
    lock.lock();
    try {
      entries.put(key, new Verdict(verdict, nanoTime.getAsLong() + ttl));
    } finally {
      lock.unlock();
    }
    return verdict;
  }

  /** Verdicts held, expired ones included until they are replaced or evicted. */
  int size() {
    lock.lock();
    try {
      return entries.size();
    } finally {
      lock.unlock();
    }
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

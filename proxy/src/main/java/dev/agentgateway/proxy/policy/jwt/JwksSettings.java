package dev.agentgateway.proxy.policy.jwt;

import java.time.Duration;

/**
 * How remote JWKS are fetched and cached.
 *
 * @param cacheTtl how long fetched keys are used before fetching again
 * @param minRefetchInterval the least time between two fetches of one URL, whatever triggers them
 *     (unknown key ids, failures), so a flood of forged key ids cannot hammer the key server
 * @param fetchTimeout connect plus response time of one fetch
 * @param maxBytes the largest JWKS document accepted
 */
public record JwksSettings(
    Duration cacheTtl, Duration minRefetchInterval, Duration fetchTimeout, int maxBytes) {
  /** Five-minute cache, at most one fetch per 30 s, 5 s timeout, 512 KiB. */
  public static final JwksSettings DEFAULT =
      new JwksSettings(
          Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5), 512 * 1024);

  public JwksSettings {
    if (!cacheTtl.isPositive() || minRefetchInterval.isNegative() || !fetchTimeout.isPositive()) {
      throw new IllegalArgumentException("JWKS durations must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }
}

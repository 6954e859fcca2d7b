package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * Time limits.
 *
 * @param requestTimeout the whole downstream exchange (all tries), or {@code null}
 * @param backendRequestTimeout each upstream try, or {@code null}
 */
public record TimeoutPolicy(Duration requestTimeout, Duration backendRequestTimeout) {}

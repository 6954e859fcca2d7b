package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.translate.policy.PolicyFields.FieldError;
import dev.agentgateway.crds.common.BackendHttp;
import dev.agentgateway.crds.common.BackendTcp;
import dev.agentgateway.crds.common.Eviction;
import dev.agentgateway.crds.common.HealthPolicy;
import dev.agentgateway.crds.common.HttpVersion;
import dev.agentgateway.model.config.Durations;
import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import java.time.Duration;

/**
 * Maps a policy's {@code backend.tcp}, {@code backend.http} and {@code backend.health} onto the IR.
 * Health scores are percentages in the CRD and fractions in the IR.
 */
final class BackendFields {
  private static final Duration KEEPALIVE_DEFAULT = Duration.ofSeconds(180);
  private static final int KEEPALIVE_PROBES = 9;

  private BackendFields() {}

  static BackendTcpPolicy tcp(BackendTcp t) {
    BackendTcpPolicy.Keepalive keepalive = null;
    if (t.keepalive() != null) {
      // Upstream's CRD: probes are on when the object is set; unset timers are 180s, 9 probes.
      Duration time = duration("keepalive.time", t.keepalive().time());
      Duration interval = duration("keepalive.interval", t.keepalive().interval());
      Integer retries = t.keepalive().retries();
      keepalive =
          new BackendTcpPolicy.Keepalive(
              true,
              time == null ? KEEPALIVE_DEFAULT : time,
              interval == null ? KEEPALIVE_DEFAULT : interval,
              retries == null ? KEEPALIVE_PROBES : retries);
    }
    return new BackendTcpPolicy(duration("connectTimeout", t.connectTimeout()), keepalive);
  }

  static BackendHttpPolicy http(BackendHttp h) {
    BackendHttpPolicy.Version version =
        h.version() == null
            ? null
            : h.version() == HttpVersion.HTTP2
                ? BackendHttpPolicy.Version.HTTP2
                : BackendHttpPolicy.Version.HTTP1;
    return new BackendHttpPolicy(version, duration("requestTimeout", h.requestTimeout()));
  }

  static dev.agentgateway.model.ir.HealthPolicy health(HealthPolicy h) {
    dev.agentgateway.model.ir.HealthPolicy.Eviction eviction = null;
    Eviction e = h.eviction();
    if (e != null) {
      eviction =
          new dev.agentgateway.model.ir.HealthPolicy.Eviction(
              duration("eviction.duration", e.duration()),
              e.consecutiveFailures(),
              fraction(e.healthThreshold()),
              fraction(e.restoreHealth()));
    }
    return new dev.agentgateway.model.ir.HealthPolicy(h.unhealthyCondition(), eviction);
  }

  private static Double fraction(Integer percent) {
    return percent == null ? null : percent / 100.0;
  }

  private static Duration duration(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      Duration d = Durations.parse(value);
      if (d.isZero()) {
        throw new FieldError(field, "must be positive");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new FieldError(field, e.getMessage());
    }
  }
}

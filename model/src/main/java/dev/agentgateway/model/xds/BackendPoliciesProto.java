package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.xds.proto.BackendHttp;
import dev.agentgateway.model.xds.proto.BackendTcp;

/** IR ⇄ proto for a backend's {@code tcp}, {@code http} and {@code health} policies. */
final class BackendPoliciesProto {
  private BackendPoliciesProto() {}

  static BackendTcp tcp(BackendTcpPolicy t) {
    var b = BackendTcp.newBuilder();
    if (t.connectTimeout() != null) {
      b.setConnectTimeout(IrToProto.duration(t.connectTimeout()));
    }
    BackendTcpPolicy.Keepalive k = t.keepalive();
    if (k != null) {
      var kb = BackendTcp.Keepalive.newBuilder().setEnabled(k.enabled());
      if (k.time() != null) {
        kb.setTime(IrToProto.duration(k.time()));
      }
      if (k.interval() != null) {
        kb.setInterval(IrToProto.duration(k.interval()));
      }
      if (k.retries() != null) {
        kb.setRetries(k.retries());
      }
      b.setKeepalive(kb);
    }
    return b.build();
  }

  static BackendTcpPolicy tcp(Fields f, String at, BackendTcp p) {
    BackendTcpPolicy.Keepalive keepalive = null;
    if (p.hasKeepalive()) {
      BackendTcp.Keepalive k = p.getKeepalive();
      keepalive =
          f.checked(
              at + ".keepalive",
              () ->
                  new BackendTcpPolicy.Keepalive(
                      k.getEnabled(),
                      k.hasTime() ? f.duration(at + ".keepalive.time", k.getTime()) : null,
                      k.hasInterval()
                          ? f.duration(at + ".keepalive.interval", k.getInterval())
                          : null,
                      k.hasRetries() ? k.getRetries() : null));
    }
    BackendTcpPolicy.Keepalive finalKeepalive = keepalive;
    return f.checked(
        at,
        () ->
            new BackendTcpPolicy(
                p.hasConnectTimeout()
                    ? f.duration(at + ".connect_timeout", p.getConnectTimeout())
                    : null,
                finalKeepalive));
  }

  static BackendHttp http(BackendHttpPolicy h) {
    var b = BackendHttp.newBuilder();
    if (h.version() != null) {
      b.setVersion(
          h.version() == BackendHttpPolicy.Version.HTTP2
              ? BackendHttp.Version.HTTP2
              : BackendHttp.Version.HTTP1);
    }
    if (h.requestTimeout() != null) {
      b.setRequestTimeout(IrToProto.duration(h.requestTimeout()));
    }
    return b.build();
  }

  static BackendHttpPolicy http(Fields f, String at, BackendHttp p) {
    BackendHttpPolicy.Version version =
        switch (p.getVersion()) {
          case HTTP1 -> BackendHttpPolicy.Version.HTTP1;
          case HTTP2 -> BackendHttpPolicy.Version.HTTP2;
          case VERSION_UNSPECIFIED -> null;
          case UNRECOGNIZED -> throw f.fail(at + ".version", "unknown HTTP version");
        };
    return f.checked(
        at,
        () ->
            new BackendHttpPolicy(
                version,
                p.hasRequestTimeout()
                    ? f.duration(at + ".request_timeout", p.getRequestTimeout())
                    : null));
  }

  static dev.agentgateway.model.xds.proto.HealthPolicy health(HealthPolicy h) {
    var b = dev.agentgateway.model.xds.proto.HealthPolicy.newBuilder();
    if (h.unhealthyCondition() != null) {
      b.setUnhealthyCondition(h.unhealthyCondition());
    }
    HealthPolicy.Eviction e = h.eviction();
    if (e != null) {
      var eb =
          dev.agentgateway.model.xds.proto.HealthPolicy.Eviction.newBuilder()
              .setDuration(IrToProto.duration(e.duration()));
      if (e.consecutiveFailures() != null) {
        eb.setConsecutiveFailures(e.consecutiveFailures());
      }
      if (e.healthThreshold() != null) {
        eb.setHealthThreshold(e.healthThreshold());
      }
      if (e.restoreHealth() != null) {
        eb.setRestoreHealth(e.restoreHealth());
      }
      b.setEviction(eb);
    }
    return b.build();
  }

  static HealthPolicy health(Fields f, String at, dev.agentgateway.model.xds.proto.HealthPolicy p) {
    HealthPolicy.Eviction eviction = null;
    if (p.hasEviction()) {
      var e = p.getEviction();
      eviction =
          f.checked(
              at + ".eviction",
              () ->
                  new HealthPolicy.Eviction(
                      e.hasDuration()
                          ? f.duration(at + ".eviction.duration", e.getDuration())
                          : null,
                      e.hasConsecutiveFailures()
                          ? f.range(
                              at + ".eviction.consecutive_failures",
                              e.getConsecutiveFailures(),
                              0,
                              Integer.MAX_VALUE)
                          : null,
                      e.hasHealthThreshold() ? e.getHealthThreshold() : null,
                      e.hasRestoreHealth() ? e.getRestoreHealth() : null));
    }
    HealthPolicy.Eviction finalEviction = eviction;
    return f.checked(
        at,
        () ->
            new HealthPolicy(
                p.hasUnhealthyCondition()
                    ? f.nonBlank(at + ".unhealthy_condition", p.getUnhealthyCondition())
                    : null,
                finalEviction));
  }
}

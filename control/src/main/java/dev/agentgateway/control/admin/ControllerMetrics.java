package dev.agentgateway.control.admin;

import dev.agentgateway.control.sync.Syncer;
import dev.agentgateway.control.xds.server.XdsMetrics;

/**
 * The controller's metrics in Prometheus text format. Counter names follow upstream where it has
 * them ({@code xds_rejects_total}, {@code xds_auth_rq_*}); the rest are prefixed {@code
 * agentgateway_}.
 */
public final class ControllerMetrics {
  private final XdsMetrics xds;
  private final Syncer syncer;

  /** Metrics of {@code xds} and {@code syncer}. */
  public ControllerMetrics(XdsMetrics xds, Syncer syncer) {
    this.xds = xds;
    this.syncer = syncer;
  }

  /** The exposition text. */
  public String render() {
    StringBuilder out = new StringBuilder(2048);
    gauge(
        out,
        "agentgateway_xds_connected_proxies",
        "Proxies with an open xDS stream.",
        xds.connectedProxies());
    counter(
        out,
        "agentgateway_xds_pushes_total",
        "xDS responses sent, initial state included.",
        xds.pushesTotal());
    counter(
        out,
        "agentgateway_xds_bytes_sent_total",
        "Serialized bytes of xDS responses sent.",
        xds.bytesSentTotal());
    counter(
        out, "xds_rejects_total", "Configuration rejected by proxies (NACKs).", xds.rejectsTotal());
    counter(
        out,
        "agentgateway_xds_stream_errors_total",
        "xDS streams closed with an error status.",
        xds.streamErrorsTotal());
    out.append("# HELP agentgateway_xds_push_latency_seconds Time from publish to push sent.\n")
        .append("# TYPE agentgateway_xds_push_latency_seconds summary\n")
        .append("agentgateway_xds_push_latency_seconds_sum ")
        .append(xds.pushLatencySumNanos() / 1e9)
        .append('\n')
        .append("agentgateway_xds_push_latency_seconds_count ")
        .append(xds.pushLatencyCount())
        .append('\n');
    counter(out, "xds_auth_rq_total", "xDS stream authentications.", xds.authRequestsTotal());
    counter(
        out,
        "xds_auth_rq_success_total",
        "Successful xDS stream authentications.",
        xds.authSuccessesTotal());
    counter(
        out,
        "xds_auth_rq_failure_total",
        "Failed xDS stream authentications.",
        xds.authFailuresTotal());
    counter(
        out,
        "agentgateway_translations_total",
        "Translations of the cluster state.",
        syncer.translations());
    gauge(
        out,
        "agentgateway_translation_last_duration_seconds",
        "Duration of the last translation.",
        syncer.lastTranslationNanos() / 1e9);
    counter(
        out,
        "agentgateway_status_writes_total",
        "Status writes to the API server.",
        syncer.statusWrites());
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    header(out, name, help, "counter").append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, double value) {
    header(out, name, help, "gauge").append(name).append(' ').append(value).append('\n');
  }

  private static StringBuilder header(StringBuilder out, String name, String help, String type) {
    return out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type)
        .append('\n');
  }
}

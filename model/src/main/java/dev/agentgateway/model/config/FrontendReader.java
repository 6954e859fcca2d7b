package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TracingConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code frontendPolicies}: {@code http} (the config's HTTP limits), and {@code accessLog},
 * {@code tracing} and {@code tcp}, which become one frontend {@link Policy} targeting every
 * gateway, as an xDS policy would. {@code tls} is read by {@link TlsReader}.
 */
final class FrontendReader {
  /** The key of the policy holding {@code frontendPolicies}' per-request parts. */
  static final String POLICY_KEY = "frontendPolicies";

  static final FieldSet ACCESS_LOG = FieldSet.of("filter add remove", "otlp database");

  static final FieldSet TRACING =
      FieldSet.of(
          "host attributes remove randomSampling clientSampling path protocol",
          "service backend policies resources filter");

  static final FieldSet TCP = FieldSet.of("keepalives", "");

  static final FieldSet KEEPALIVES = FieldSet.of("enabled time interval retries", "");

  /** Upstream's keepalive defaults, used for the parts a {@code keepalives} leaves out. */
  private static final Duration KEEPALIVE_TIME = Duration.ofMinutes(3);

  private static final Duration KEEPALIVE_INTERVAL = Duration.ofMinutes(3);
  private static final int KEEPALIVE_RETRIES = 9;

  /** What {@code frontendPolicies} holds. */
  record Read(FrontendHttp http, Policy policy) {}

  private FrontendReader() {}

  static Read read(ConfigNode frontendPolicies) {
    if (!frontendPolicies.mapping(UpstreamFields.FRONTEND_POLICIES)) {
      return new Read(FrontendHttp.DEFAULT, null);
    }
    FrontendPolicies parts =
        new FrontendPolicies(
            null,
            tcp(frontendPolicies.field("tcp")),
            null,
            accessLog(frontendPolicies.field("accessLog")),
            tracing(frontendPolicies.field("tracing")));
    Policy policy =
        parts.isEmpty()
            ? null
            : new Policy(
                POLICY_KEY,
                POLICY_KEY,
                new PolicyTarget(PolicyTarget.Kind.GATEWAY, "", null),
                RoutePolicies.NONE,
                parts);
    return new Read(http(frontendPolicies.field("http")), policy);
  }

  private static FrontendHttp http(ConfigNode http) {
    FrontendHttp d = FrontendHttp.DEFAULT;
    if (!http.mapping(UpstreamFields.FRONTEND_HTTP)) {
      return d;
    }
    Long maxBufferSize = http.field("maxBufferSize").integer(0, Long.MAX_VALUE);
    Integer maxHeaders = http.field("http1MaxHeaders").integer(0, Integer.MAX_VALUE);
    Integer maxHeaderSize = http.field("http2MaxHeaderSize").integer(0, Integer.MAX_VALUE);
    Integer windowSize = http.field("http2WindowSize").integer(1, Integer.MAX_VALUE);
    Integer frameSize = http.field("http2FrameSize").integer(16384, 16_777_215);
    return new FrontendHttp(
        maxBufferSize == null ? d.maxBufferSize() : maxBufferSize,
        maxHeaders == null ? d.http1MaxHeaders() : maxHeaders,
        maxHeaderSize == null ? d.maxHeaderSize() : maxHeaderSize,
        StaticConfigReader.orDefault(
            http.field("http1IdleTimeout").duration(), d.http1IdleTimeout()),
        windowSize == null ? 0 : windowSize,
        frameSize == null ? 0 : frameSize);
  }

  /** {@code tcp.keepalives}; null when absent, invalid or {@code enabled: false}. */
  private static TcpKeepalive tcp(ConfigNode tcp) {
    if (!tcp.mapping(TCP)) {
      return null;
    }
    ConfigNode k = tcp.field("keepalives");
    if (!k.require() || !k.mapping(KEEPALIVES)) {
      return null;
    }
    Boolean enabled = k.field("enabled").bool();
    Duration time = k.field("time").duration();
    Duration interval = k.field("interval").duration();
    Integer retries = k.field("retries").integer(1, 64);
    if (Boolean.FALSE.equals(enabled)) {
      return null;
    }
    try {
      return new TcpKeepalive(
          time == null ? KEEPALIVE_TIME : time,
          interval == null ? KEEPALIVE_INTERVAL : interval,
          retries == null ? KEEPALIVE_RETRIES : retries);
    } catch (IllegalArgumentException e) {
      k.error(e.getMessage());
      return null;
    }
  }

  private static AccessLogPolicy accessLog(ConfigNode log) {
    if (!log.mapping(ACCESS_LOG)) {
      return null;
    }
    String filter = log.field("filter").text();
    return new AccessLogPolicy(filter, fields(log.field("add"), log.field("remove")));
  }

  private static TracingConfig tracing(ConfigNode tracing) {
    if (!tracing.mapping(TRACING)) {
      return null;
    }
    ConfigNode host = tracing.field("host");
    String target = host.requiredText();
    TracingConfig.Protocol protocol = TracingConfig.Protocol.GRPC;
    if ("http".equals(tracing.field("protocol").choice(List.of("grpc", "http")))) {
      protocol = TracingConfig.Protocol.HTTP;
    }
    ConfigNode path = tracing.field("path");
    String pathText = path.text();
    if (pathText != null && !pathText.startsWith("/")) {
      path.error("must start with /");
      return null;
    }
    TelemetryFields fields = fields(tracing.field("attributes"), tracing.field("remove"));
    String random = sampling(tracing.field("randomSampling"));
    String client = sampling(tracing.field("clientSampling"));
    if (target == null) {
      return null;
    }
    String url =
        target.startsWith("http://") || target.startsWith("https://") ? target : "http://" + target;
    try {
      return new TracingConfig(url, protocol, Map.of(), pathText, random, client, fields);
    } catch (IllegalArgumentException e) {
      host.error(e.getMessage());
      return null;
    }
  }

  /** A sampling rule: CEL text, a number or a boolean, kept as text as {@code config.tracing}. */
  private static String sampling(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    return node.raw().isValueNode() ? node.raw().asText() : node.text();
  }

  /** {@code add: {name: cel}} and {@code remove: [name]} side by side, as upstream has them. */
  private static TelemetryFields fields(ConfigNode addNode, ConfigNode removeNode) {
    Map<String, String> add = new LinkedHashMap<>();
    addNode
        .entries()
        .forEach(
            (name, value) -> {
              String expression = value.requiredText();
              if (expression != null) {
                add.put(name, expression);
              }
            });
    List<String> remove = new ArrayList<>();
    for (ConfigNode item : removeNode.list()) {
      String name = item.requiredText();
      if (name != null) {
        remove.add(name);
      }
    }
    return new TelemetryFields(add, remove);
  }
}

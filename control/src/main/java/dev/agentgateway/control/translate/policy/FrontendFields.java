package dev.agentgateway.control.translate.policy;

import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.crds.policy.Frontend;
import dev.agentgateway.crds.policy.FrontendAccessLog;
import dev.agentgateway.crds.policy.FrontendHttp;
import dev.agentgateway.crds.policy.FrontendTcp;
import dev.agentgateway.crds.policy.FrontendTls;
import dev.agentgateway.crds.policy.FrontendTracing;
import dev.agentgateway.crds.policy.TelemetryAttributes;
import dev.agentgateway.model.config.Durations;
import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.ir.TracingConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Maps the {@code frontend} section that {@link SpecWalk#MAPPED} names onto {@link
 * FrontendPolicies}; each value the IR refuses becomes an error naming its field.
 */
final class FrontendFields {
  /** The JSSE names of the CRD's cipher suites (TLS 1.3 ones are written TLS13_ there). */
  private static final String TLS13_PREFIX = "TLS13_";

  private final String namespace;
  private final List<String> errors;

  /**
   * @param namespace the policy's namespace, where a backendRef without one points
   * @param errors where problems are added, each {@code field: problem}
   */
  FrontendFields(String namespace, List<String> errors) {
    this.namespace = namespace;
    this.errors = errors;
  }

  /** The IR form of {@code f}, or null when it is absent (or nothing in it is valid). */
  FrontendPolicies map(Frontend f) {
    if (f == null) {
      return null;
    }
    FrontendPolicies out =
        new FrontendPolicies(
            f.http() == null ? null : checked("frontend.http", () -> http(f.http())),
            f.tcp() == null ? null : checked("frontend.tcp", () -> tcp(f.tcp())),
            f.tls() == null ? null : checked("frontend.tls", () -> tls(f.tls())),
            f.accessLog() == null
                ? null
                : checked("frontend.accessLog", () -> accessLog(f.accessLog())),
            f.tracing() == null ? null : checked("frontend.tracing", () -> tracing(f.tracing())));
    return out.isEmpty() ? null : out;
  }

  private <T> T checked(String field, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (FieldError e) {
      errors.add(field + "." + e.field + ": " + e.getMessage());
    } catch (IllegalArgumentException | NullPointerException e) {
      errors.add(field + ": " + e.getMessage());
    }
    return null;
  }

  private static dev.agentgateway.model.ir.FrontendHttp http(FrontendHttp h) {
    dev.agentgateway.model.ir.FrontendHttp d = dev.agentgateway.model.ir.FrontendHttp.DEFAULT;
    Long maxBuffer = bytes("maxBufferSize", h.maxBufferSize());
    Long maxHeader = bytes("http2MaxHeaderSize", h.http2MaxHeaderSize());
    Long window = bytes("http2WindowSize", h.http2WindowSize());
    Long frame = bytes("http2FrameSize", h.http2FrameSize());
    return new dev.agentgateway.model.ir.FrontendHttp(
        maxBuffer == null ? d.maxBufferSize() : maxBuffer,
        h.http1MaxHeaders() == null ? 0 : h.http1MaxHeaders(),
        maxHeader == null ? 0 : toInt("http2MaxHeaderSize", maxHeader),
        h.http1IdleTimeout() == null
            ? d.http1IdleTimeout()
            : duration("http1IdleTimeout", h.http1IdleTimeout()),
        window == null ? 0 : toInt("http2WindowSize", window),
        frame == null ? 0 : toInt("http2FrameSize", frame));
  }

  private static TcpKeepalive tcp(FrontendTcp t) {
    FrontendTcp.Keepalive k = t.keepalive();
    if (k == null) {
      return null;
    }
    return new TcpKeepalive(
        k.time() == null ? null : duration("keepalive.time", k.time()),
        k.interval() == null ? null : duration("keepalive.interval", k.interval()),
        k.retries());
  }

  private static dev.agentgateway.model.ir.FrontendTls tls(FrontendTls t) {
    List<String> ciphers = new ArrayList<>();
    if (t.cipherSuites() != null) {
      for (FrontendTls.CipherSuite c : t.cipherSuites()) {
        // JSSE names TLS 1.3 suites TLS_AES_128_GCM_SHA256; the CRD writes TLS13_AES_128_....
        String name = c.name();
        ciphers.add(name.startsWith(TLS13_PREFIX) ? "TLS_" + name.substring(6) : name);
      }
    }
    return new dev.agentgateway.model.ir.FrontendTls(
        t.handshakeTimeout() == null ? null : duration("handshakeTimeout", t.handshakeTimeout()),
        t.alpnProtocols(),
        ciphers,
        version(t.minProtocolVersion()),
        version(t.maxProtocolVersion()));
  }

  private static TlsVersion version(FrontendTls.Version v) {
    if (v == null) {
      return null;
    }
    return v == FrontendTls.Version.V1_2 ? TlsVersion.TLS_1_2 : TlsVersion.TLS_1_3;
  }

  private static AccessLogPolicy accessLog(FrontendAccessLog a) {
    return new AccessLogPolicy(a.filter(), fields(a.attributes()));
  }

  private TracingConfig tracing(FrontendTracing t) {
    String url = t.url() != null ? t.url() : serviceUrl(t.backendRef());
    TracingConfig.Protocol protocol =
        t.protocol() == FrontendTracing.Protocol.HTTP
            ? TracingConfig.Protocol.HTTP
            : TracingConfig.Protocol.GRPC;
    String path = t.path();
    if (t.url() != null && protocol == TracingConfig.Protocol.HTTP) {
      // An HTTP url's own path is the traces path (upstream: the url is used as written).
      java.net.URI uri = java.net.URI.create(t.url());
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && path == null) {
        path = uri.getRawPath();
        url = uri.getScheme() + "://" + uri.getRawAuthority();
      }
    }
    return new TracingConfig(
        url,
        protocol,
        Map.of(),
        path,
        t.randomSampling(),
        t.clientSampling(),
        fields(t.attributes()));
  }

  /** The in-cluster URL of a Service backendRef in the policy's namespace. */
  private String serviceUrl(BackendRef ref) {
    if (ref == null) {
      throw new FieldError("backendRef", "one of backendRef and url is required");
    }
    Backend.Service s = LocalServiceRef.resolve("backendRef", ref, namespace);
    return "http://" + s.serviceName() + "." + s.namespace() + ".svc.cluster.local:" + s.port();
  }

  private static TelemetryFields fields(TelemetryAttributes a) {
    if (a == null) {
      return TelemetryFields.NONE;
    }
    Map<String, String> add = new LinkedHashMap<>();
    if (a.add() != null) {
      a.add().forEach(x -> add.put(x.name(), x.expression()));
    }
    return new TelemetryFields(add, a.remove());
  }

  private static Duration duration(String field, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new FieldError(field, e.getMessage());
    }
  }

  private static Long bytes(String field, IntOrString q) {
    if (q == null) {
      return null;
    }
    String text = q.getIntVal() != null ? q.getIntVal().toString() : q.getStrVal();
    try {
      return Quantity.getAmountInBytes(new Quantity(text)).longValueExact();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new FieldError(field, "not a whole number of bytes: " + text);
    }
  }

  private static int toInt(String field, long value) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new FieldError(field, "too large: " + value);
    }
    return (int) value;
  }

  /** A problem in a nested field; {@link #checked} prefixes the part. */
  private static final class FieldError extends RuntimeException {
    private final String field;

    FieldError(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}

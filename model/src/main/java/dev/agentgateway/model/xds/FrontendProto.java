package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.FrontendTls;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.ir.TracingConfig;
import dev.agentgateway.model.xds.proto.TracingPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/** IR ⇄ proto for a policy's frontend part ({@link FrontendPolicies}). */
final class FrontendProto {
  private FrontendProto() {}

  static dev.agentgateway.model.xds.proto.FrontendPolicies frontend(FrontendPolicies p) {
    var b = dev.agentgateway.model.xds.proto.FrontendPolicies.newBuilder();
    if (p.http() != null) {
      FrontendHttp h = p.http();
      b.setHttp(
          dev.agentgateway.model.xds.proto.FrontendHttp.newBuilder()
              .setMaxBufferSize(h.maxBufferSize())
              .setHttp1MaxHeaders(h.http1MaxHeaders())
              .setMaxHeaderSize(h.maxHeaderSize())
              .setHttp1IdleTimeout(IrToProto.duration(h.http1IdleTimeout()))
              .setHttp2WindowSize(h.http2WindowSize())
              .setHttp2FrameSize(h.http2FrameSize()));
    }
    if (p.tcp() != null) {
      var t = dev.agentgateway.model.xds.proto.TcpKeepalive.newBuilder();
      if (p.tcp().time() != null) {
        t.setTime(IrToProto.duration(p.tcp().time()));
      }
      if (p.tcp().interval() != null) {
        t.setInterval(IrToProto.duration(p.tcp().interval()));
      }
      if (p.tcp().retries() != null) {
        t.setRetries(p.tcp().retries());
      }
      b.setTcp(t);
    }
    if (p.tls() != null) {
      FrontendTls tls = p.tls();
      var t =
          dev.agentgateway.model.xds.proto.FrontendTls.newBuilder()
              .addAllAlpn(tls.alpn())
              .addAllCipherSuites(tls.cipherSuites())
              .setMinVersion(version(tls.minVersion()))
              .setMaxVersion(version(tls.maxVersion()));
      if (tls.handshakeTimeout() != null) {
        t.setHandshakeTimeout(IrToProto.duration(tls.handshakeTimeout()));
      }
      b.setTls(t);
    }
    if (p.accessLog() != null) {
      var a =
          dev.agentgateway.model.xds.proto.AccessLogPolicy.newBuilder()
              .setFields(fields(p.accessLog().fields()));
      if (p.accessLog().filter() != null) {
        a.setFilter(p.accessLog().filter());
      }
      b.setAccessLog(a);
    }
    if (p.tracing() != null) {
      TracingConfig t = p.tracing();
      b.setTracing(
          TracingPolicy.newBuilder()
              .setOtlpEndpoint(t.otlpEndpoint())
              .setOtlpProtocol(TracingPolicy.Protocol.valueOf(t.otlpProtocol().name()))
              .putAllHeaders(t.headers())
              .setPath(t.path())
              .setRandomSampling(t.randomSampling())
              .setClientSampling(t.clientSampling())
              .setFields(fields(t.fields())));
    }
    return b.build();
  }

  static FrontendPolicies frontend(
      Fields f, String at, dev.agentgateway.model.xds.proto.FrontendPolicies p) {
    FrontendHttp http = null;
    if (p.hasHttp()) {
      var h = p.getHttp();
      http =
          f.checked(
              at + ".http",
              () ->
                  new FrontendHttp(
                      h.getMaxBufferSize() == 0
                          ? FrontendHttp.DEFAULT_MAX_BUFFER_SIZE
                          : h.getMaxBufferSize(),
                      h.getHttp1MaxHeaders(),
                      h.getMaxHeaderSize(),
                      h.hasHttp1IdleTimeout()
                          ? f.duration(at + ".http.http1_idle_timeout", h.getHttp1IdleTimeout())
                          : FrontendHttp.DEFAULT.http1IdleTimeout(),
                      h.getHttp2WindowSize(),
                      h.getHttp2FrameSize()));
    }
    TcpKeepalive tcp = null;
    if (p.hasTcp()) {
      var t = p.getTcp();
      tcp =
          f.checked(
              at + ".tcp",
              () ->
                  new TcpKeepalive(
                      t.hasTime() ? f.duration(at + ".tcp.time", t.getTime()) : null,
                      t.hasInterval() ? f.duration(at + ".tcp.interval", t.getInterval()) : null,
                      t.hasRetries() ? t.getRetries() : null));
    }
    FrontendTls tls = null;
    if (p.hasTls()) {
      var t = p.getTls();
      tls =
          f.checked(
              at + ".tls",
              () ->
                  new FrontendTls(
                      t.hasHandshakeTimeout()
                          ? f.duration(at + ".tls.handshake_timeout", t.getHandshakeTimeout())
                          : null,
                      t.getAlpnList(),
                      t.getCipherSuitesList(),
                      version(f, at + ".tls.min_version", t.getMinVersion()),
                      version(f, at + ".tls.max_version", t.getMaxVersion())));
    }
    AccessLogPolicy accessLog = null;
    if (p.hasAccessLog()) {
      var a = p.getAccessLog();
      accessLog =
          f.checked(
              at + ".access_log",
              () ->
                  new AccessLogPolicy(
                      a.hasFilter() ? a.getFilter() : null,
                      fields(f, at + ".access_log.fields", a.getFields())));
    }
    TracingConfig tracing = null;
    if (p.hasTracing()) {
      TracingPolicy t = p.getTracing();
      TracingConfig.Protocol protocol =
          switch (t.getOtlpProtocol()) {
            case GRPC -> TracingConfig.Protocol.GRPC;
            case HTTP -> TracingConfig.Protocol.HTTP;
            case UNRECOGNIZED -> throw f.fail(at + ".tracing.otlp_protocol", "unknown value");
          };
      tracing =
          f.checked(
              at + ".tracing",
              () ->
                  new TracingConfig(
                      f.required(at + ".tracing.otlp_endpoint", t.getOtlpEndpoint()),
                      protocol,
                      t.getHeadersMap(),
                      t.hasPath() ? t.getPath() : null,
                      t.hasRandomSampling() ? t.getRandomSampling() : null,
                      t.hasClientSampling() ? t.getClientSampling() : null,
                      fields(f, at + ".tracing.fields", t.getFields())));
    }
    return new FrontendPolicies(http, tcp, tls, accessLog, tracing);
  }

  private static dev.agentgateway.model.xds.proto.TelemetryFields fields(TelemetryFields fields) {
    var b = dev.agentgateway.model.xds.proto.TelemetryFields.newBuilder();
    fields
        .add()
        .forEach(
            (name, cel) ->
                b.addAdd(
                    dev.agentgateway.model.xds.proto.TelemetryFields.Added.newBuilder()
                        .setName(name)
                        .setExpression(cel)));
    return b.addAllRemove(fields.remove()).build();
  }

  private static TelemetryFields fields(
      Fields f, String at, dev.agentgateway.model.xds.proto.TelemetryFields p) {
    Map<String, String> add = new LinkedHashMap<>();
    for (int i = 0; i < p.getAddCount(); i++) {
      var a = p.getAdd(i);
      add.put(
          f.nonBlank(at + ".add[" + i + "].name", a.getName()),
          f.required(at + ".add[" + i + "].expression", a.getExpression()));
    }
    return new TelemetryFields(add, p.getRemoveList());
  }

  private static dev.agentgateway.model.xds.proto.TlsVersion version(TlsVersion v) {
    if (v == null) {
      return dev.agentgateway.model.xds.proto.TlsVersion.TLS_VERSION_UNSPECIFIED;
    }
    return switch (v) {
      case TLS_1_2 -> dev.agentgateway.model.xds.proto.TlsVersion.TLS_1_2;
      case TLS_1_3 -> dev.agentgateway.model.xds.proto.TlsVersion.TLS_1_3;
    };
  }

  private static TlsVersion version(
      Fields f, String at, dev.agentgateway.model.xds.proto.TlsVersion v) {
    return switch (v) {
      case TLS_VERSION_UNSPECIFIED -> null;
      case TLS_1_2 -> TlsVersion.TLS_1_2;
      case TLS_1_3 -> TlsVersion.TLS_1_3;
      case UNRECOGNIZED -> throw f.fail(at, "unknown value");
    };
  }
}

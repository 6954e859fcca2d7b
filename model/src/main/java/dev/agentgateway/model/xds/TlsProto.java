package dev.agentgateway.model.xds;

import com.google.protobuf.ByteString;
import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.xds.proto.BackendTls;
import java.nio.charset.StandardCharsets;

/** IR ⇄ proto for listener TLS and {@code backendTLS}; PEM text travels as UTF-8 bytes. */
final class TlsProto {
  private TlsProto() {}

  static dev.agentgateway.model.xds.proto.ListenerTls listenerTls(ListenerTls t) {
    var b =
        dev.agentgateway.model.xds.proto.ListenerTls.newBuilder()
            .setCertChain(bytes(t.certChain()))
            .setKey(bytes(t.key().value()))
            .addAllCipherSuites(t.cipherSuites())
            .setMinVersion(version(t.minVersion()))
            .setMaxVersion(version(t.maxVersion()))
            .addAllAlpn(t.alpn());
    if (t.clientCa() != null) {
      b.setClientCa(bytes(t.clientCa()));
    }
    if (t.handshakeTimeout() != null) {
      b.setHandshakeTimeout(IrToProto.duration(t.handshakeTimeout()));
    }
    return b.build();
  }

  static ListenerTls listenerTls(
      Fields f, String at, dev.agentgateway.model.xds.proto.ListenerTls p) {
    return f.checked(
        at,
        () ->
            new ListenerTls(
                text(p.getCertChain()),
                secret(f, at + ".key", p.getKey()),
                p.hasClientCa() ? text(p.getClientCa()) : null,
                p.getCipherSuitesList(),
                version(f, at + ".min_version", p.getMinVersion()),
                version(f, at + ".max_version", p.getMaxVersion()),
                p.getAlpnList(),
                p.hasHandshakeTimeout()
                    ? f.duration(at + ".handshake_timeout", p.getHandshakeTimeout())
                    : null));
  }

  static BackendTls backendTls(BackendTlsPolicy t) {
    BackendTls.Builder b =
        BackendTls.newBuilder()
            .setInsecure(t.insecure())
            .setInsecureHost(t.insecureHost())
            .addAllAlpn(t.alpn())
            .addAllSubjectAltNames(t.subjectAltNames());
    if (t.cert() != null) {
      b.setCert(bytes(t.cert())).setKey(bytes(t.key().value()));
    }
    if (t.root() != null) {
      b.setRoot(bytes(t.root()));
    }
    if (t.hostname() != null) {
      b.setHostname(t.hostname());
    }
    return b.build();
  }

  static BackendTlsPolicy backendTls(Fields f, String at, BackendTls p) {
    return f.checked(
        at,
        () ->
            new BackendTlsPolicy(
                p.hasCert() ? text(p.getCert()) : null,
                p.hasKey() ? secret(f, at + ".key", p.getKey()) : null,
                p.hasRoot() ? text(p.getRoot()) : null,
                p.hasHostname() ? p.getHostname() : null,
                p.getInsecure(),
                p.getInsecureHost(),
                p.getAlpnList(),
                p.getSubjectAltNamesList()));
  }

  private static ByteString bytes(String pem) {
    return ByteString.copyFrom(pem, StandardCharsets.UTF_8);
  }

  private static String text(ByteString pem) {
    return pem.toStringUtf8();
  }

  private static Secret secret(Fields f, String at, ByteString pem) {
    if (pem.isEmpty()) {
      throw f.fail(at, "must not be empty");
    }
    return new Secret(pem.toStringUtf8());
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

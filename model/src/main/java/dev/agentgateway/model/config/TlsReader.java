package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Pem;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.TlsVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads TLS settings: a listener's {@code tls}, {@code frontendPolicies.tls} (defaults for every
 * HTTPS listener) and the {@code backendTLS} policy. Certificates and keys are file paths, as
 * upstream has them, relative to the base directory; inline PEM text is accepted too. Each PEM is
 * parsed at load time, so a bad one is an error naming its field.
 */
final class TlsReader {
  static final FieldSet LISTENER_TLS =
      FieldSet.of(
          "cert key root cipherSuites minTLSVersion minTlsVersion maxTLSVersion maxTlsVersion"
              + " mode",
          "spiffe keyExchangeGroups");

  static final FieldSet FRONTEND_TLS =
      FieldSet.of("handshakeTimeout alpn minVersion maxVersion cipherSuites", "keyExchangeGroups");

  static final FieldSet BACKEND_TLS =
      FieldSet.of(
          "cert key root hostname insecure insecureHost alpn subjectAltNames",
          "keyExchangeGroups spiffe");

  private static final String PEM_START = "-----BEGIN";

  /** {@code frontendPolicies.tls}: what listeners that do not say otherwise get. */
  record Defaults(
      Duration handshakeTimeout,
      TlsVersion minVersion,
      TlsVersion maxVersion,
      List<String> cipherSuites,
      List<String> alpn) {
    static final Defaults NONE = new Defaults(null, null, null, List.of(), List.of());
  }

  private final Path baseDir;
  private Defaults defaults = Defaults.NONE;

  TlsReader(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** Reads {@code frontendPolicies.tls}; call before reading listeners. */
  void readDefaults(ConfigNode frontendPolicies) {
    ConfigNode tls = frontendPolicies.field("tls");
    if (!tls.mapping(FRONTEND_TLS)) {
      return;
    }
    List<String> alpn = new ArrayList<>();
    for (ConfigNode protocol : tls.field("alpn").list()) {
      // Upstream writes each protocol as its bytes; a string is accepted too.
      String name = protocol.isText() ? protocol.requiredText() : bytesText(protocol);
      if (name != null) {
        alpn.add(name);
      }
    }
    defaults =
        new Defaults(
            positive(tls.field("handshakeTimeout")),
            version(tls.field("minVersion")),
            version(tls.field("maxVersion")),
            texts(tls.field("cipherSuites")),
            alpn);
  }

  /** A listener's {@code tls}, or {@code null} after reporting its problems. */
  ListenerTls listener(ConfigNode tls) {
    if (!tls.require() || !tls.mapping(LISTENER_TLS)) {
      return null;
    }
    ConfigNode mode = tls.field("mode");
    String modeText = mode.choice(List.of("static", "dynamicCa"));
    if ("dynamicCa".equals(modeText)) {
      mode.error("\"dynamicCa\" is not supported yet (only \"static\" is supported)");
    }
    ConfigNode certNode = tls.field("cert");
    String cert = certNode.require() ? pem(certNode, Pem::certificates) : null;
    ConfigNode keyNode = tls.field("key");
    String key = keyNode.require() ? pem(keyNode, Pem::privateKey) : null;
    ConfigNode rootNode = tls.field("root");
    String root = rootNode.present() ? pem(rootNode, Pem::certificates) : null;
    TlsVersion min = alias(tls, "minTLSVersion", "minTlsVersion");
    TlsVersion max = alias(tls, "maxTLSVersion", "maxTlsVersion");
    List<String> ciphers = texts(tls.field("cipherSuites"));
    if (cert == null || key == null || (rootNode.present() && root == null)) {
      return null;
    }
    try {
      return new ListenerTls(
          cert,
          new Secret(key),
          root,
          ciphers.isEmpty() ? defaults.cipherSuites() : ciphers,
          min != null ? min : defaults.minVersion(),
          max != null ? max : defaults.maxVersion(),
          defaults.alpn(),
          defaults.handshakeTimeout());
    } catch (IllegalArgumentException e) {
      tls.error(e.getMessage());
      return null;
    }
  }

  /** The {@code backendTLS} policy, or {@code null} when absent or after reporting problems. */
  BackendTlsPolicy backend(ConfigNode tls) {
    if (!tls.mapping(BACKEND_TLS)) {
      return null;
    }
    boolean ok = true;
    ConfigNode certNode = tls.field("cert");
    ConfigNode keyNode = tls.field("key");
    ConfigNode rootNode = tls.field("root");
    String cert = certNode.present() ? pem(certNode, Pem::certificates) : null;
    String key = keyNode.present() ? pem(keyNode, Pem::privateKey) : null;
    String root = rootNode.present() ? pem(rootNode, Pem::certificates) : null;
    ok &= (cert != null) == certNode.present() && (key != null) == keyNode.present();
    ok &= (root != null) == rootNode.present();
    if (certNode.present() != keyNode.present()) {
      tls.error("cert and key must be set together (client mTLS)");
      ok = false;
    }
    ConfigNode hostNode = tls.field("hostname");
    String hostname = hostNode.present() ? hostNode.requiredText() : null;
    ok &= hostname != null || !hostNode.present();
    Boolean insecure = flag(tls.field("insecure"));
    Boolean insecureHost = flag(tls.field("insecureHost"));
    ok &= insecure != null && insecureHost != null;
    List<String> alpn = texts(tls.field("alpn"));
    List<String> sans = texts(tls.field("subjectAltNames"));
    if (!ok) {
      return null;
    }
    try {
      return new BackendTlsPolicy(
          cert,
          key == null ? null : new Secret(key),
          root,
          hostname,
          insecure,
          insecureHost,
          alpn,
          sans);
    } catch (IllegalArgumentException e) {
      tls.error(e.getMessage());
      return null;
    }
  }

  /**
   * The PEM text of a file path or inline PEM, checked with {@code parse}; {@code null} after
   * reporting why it cannot be used (the message never holds key material).
   */
  private String pem(ConfigNode node, Consumer<String> parse) {
    String value = node.requiredText();
    if (value == null) {
      return null;
    }
    String text;
    if (value.stripLeading().startsWith(PEM_START)) {
      text = value;
    } else {
      try {
        text = Files.readString(baseDir.resolve(value), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        node.error("cannot read the file " + value + ": " + e.getClass().getSimpleName());
        return null;
      }
    }
    try {
      parse.accept(text);
      return text;
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage());
      return null;
    }
  }

  private static TlsVersion alias(ConfigNode tls, String name, String alias) {
    ConfigNode a = tls.field(name);
    ConfigNode b = tls.field(alias);
    if (a.present() && b.present()) {
      b.error("only one of " + name + " and " + alias + " may be set");
      return null;
    }
    return version(a.present() ? a : b);
  }

  /**
   * Upstream's TLSVersion ({@code TLS_V1_2}, {@code TLS_V1_3}); {@code 1.2} and {@code 1.3} too.
   */
  private static TlsVersion version(ConfigNode node) {
    String text = node.text();
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "TLS_V1_2", "1.2" -> TlsVersion.TLS_1_2;
      case "TLS_V1_3", "1.3" -> TlsVersion.TLS_1_3;
      case "TLS_V1_0", "TLS_V1_1" -> {
        node.error("only TLS 1.2 and 1.3 are supported");
        yield null;
      }
      default -> {
        node.error("must be one of TLS_V1_2, TLS_V1_3");
        yield null;
      }
    };
  }

  private static Duration positive(ConfigNode node) {
    Duration d = node.duration();
    if (d != null && (d.isZero() || d.isNegative())) {
      node.error("must be positive");
      return null;
    }
    return d;
  }

  private static Boolean flag(ConfigNode node) {
    return node.present() ? node.bool() : Boolean.FALSE;
  }

  private static List<String> texts(ConfigNode list) {
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list.list()) {
      String text = item.requiredText();
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  private static String bytesText(ConfigNode protocol) {
    StringBuilder out = new StringBuilder();
    for (ConfigNode b : protocol.list()) {
      Integer value = b.integer(0, 255);
      if (value == null) {
        return null;
      }
      out.append((char) value.intValue());
    }
    if (out.isEmpty()) {
      protocol.error("expected a protocol name or its bytes");
      return null;
    }
    return out.toString();
  }
}

package dev.agentgateway.control.xds.tls;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import java.util.Map;
import java.util.Objects;

/**
 * The xDS port's transport credentials as the environment asks for them ({@link
 * XdsTlsSettings#fromEnv}): plaintext, or TLS with a certificate kept from the Secret. Close it to
 * stop watching the Secret and rotating.
 */
public final class XdsTls implements AutoCloseable {
  private final ServerCredentials credentials;
  private final XdsCertificateSource source;

  private XdsTls(ServerCredentials credentials, XdsCertificateSource source) {
    this.credentials = credentials;
    this.source = source;
  }

  /**
   * Reads the settings from {@code env} and, in TLS mode, loads or creates the certificate Secret.
   *
   * @throws IllegalArgumentException when a variable is invalid
   * @throws IllegalStateException when the Secret cannot be read, created or used
   */
  public static XdsTls fromEnv(Map<String, String> env, KubernetesClient client) {
    return start(XdsTlsSettings.fromEnv(env), client);
  }

  /** Plaintext or TLS as {@code settings} say. */
  public static XdsTls start(XdsTlsSettings settings, KubernetesClient client) {
    Objects.requireNonNull(settings, "settings");
    if (settings.mode() == XdsTlsSettings.Mode.PLAINTEXT) {
      return new XdsTls(InsecureServerCredentials.create(), null);
    }
    XdsCertificateSource source = XdsCertificateSource.start(client, settings);
    return new XdsTls(source.credentials(), source);
  }

  /** For {@code ServerSecurity}. */
  public ServerCredentials credentials() {
    return credentials;
  }

  /** The PEM of the CA proxies must trust, or null in plaintext mode. */
  public String caPem() {
    return source == null ? null : source.caPem();
  }

  /** True when the port serves TLS. */
  public boolean tls() {
    return source != null;
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}

package dev.agentgateway.proxy.tls;

import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.Pem;
import io.helidon.common.tls.Tls;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A compiled {@code backendTLS} policy: one SSL context per policy, built when the config is
 * compiled, never per request. Connections identify themselves by SNI with the configured hostname
 * (or the upstream's host), and present the client certificate when one is configured.
 */
public final class UpstreamTls {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
  private static final char[] NO_PASSWORD = new char[0];
  private static final String HTTP1 = "http/1.1";

  private final BackendTlsPolicy policy;
  private final SSLContext context;
  private final SSLSocketFactory factory;
  private final Tls helidonTls;

  private UpstreamTls(BackendTlsPolicy policy) throws GeneralSecurityException, IOException {
    this.policy = policy;
    this.context = SSLContext.getInstance("TLS");
    UpstreamTrust trust =
        new UpstreamTrust(
            policy.insecure() ? null : TrustManagers.of(policy.root()),
            policy.hostname(),
            policy.subjectAltNames(),
            !policy.insecure() && !policy.insecureHost());
    context.init(clientKeys(policy), new TrustManager[] {trust}, null);
    this.factory = context.getSocketFactory();
    this.helidonTls =
        Tls.builder()
            .sslContext(context)
            .endpointIdentificationAlgorithm(Tls.ENDPOINT_IDENTIFICATION_NONE)
            .build();
  }

  /** The compiled policy, or {@code null} for plain HTTP. */
  public static UpstreamTls compile(BackendTlsPolicy policy) {
    if (policy == null) {
      return null;
    }
    try {
      return new UpstreamTls(policy);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("backendTLS: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] clientKeys(BackendTlsPolicy policy)
      throws GeneralSecurityException, IOException {
    if (policy.cert() == null) {
      return null;
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    List<X509Certificate> chain = Pem.certificates(policy.cert());
    store.setKeyEntry(
        "client",
        Pem.privateKey(policy.key().value()),
        NO_PASSWORD,
        chain.toArray(X509Certificate[]::new));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  /** The name sent as SNI and verified for an upstream at {@code host}. */
  public String serverName(String host) {
    return policy.hostname() != null ? policy.hostname() : host;
  }

  /**
   * Runs the TLS handshake over {@code plain}, a connected socket to {@code host:port}, for
   * HTTP/1.1. The returned socket closes {@code plain} when closed.
   *
   * @throws SSLHandshakeException when the handshake fails, saying with whom
   */
  public SSLSocket handshake(Socket plain, String host, int port) throws IOException {
    String name = serverName(host);
    SSLSocket ssl = (SSLSocket) factory.createSocket(plain, name, port, true);
    SSLParameters params = ssl.getSSLParameters();
    if (!IP_LITERAL.matcher(name).matches()) {
      params.setServerNames(List.of(new SNIHostName(name)));
    }
    if (!policy.alpn().isEmpty()) {
      // This connection speaks HTTP/1.1 only, whatever else the policy offers.
      params.setApplicationProtocols(new String[] {HTTP1});
    }
    ssl.setSSLParameters(params);
    try {
      ssl.startHandshake();
    } catch (SSLException e) {
      ssl.close();
      SSLHandshakeException failure =
          new SSLHandshakeException(
              "TLS handshake with "
                  + name
                  + " ("
                  + host
                  + ":"
                  + port
                  + ") failed: "
                  + e.getMessage());
      failure.initCause(e);
      throw failure;
    }
    return ssl;
  }

  /** The same settings for Helidon's clients (the HTTP/2 gRPC path). */
  public Tls helidonTls() {
    return helidonTls;
  }
}

package dev.agentgateway.proxy.tls;

import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.testing.ShellTesting;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** TLS test clients: raw sockets with chosen SNI, versions, ALPN and client certificate. */
final class TlsClients {
  private TlsClients() {}

  /** An SSL context trusting {@code ca}, presenting {@code client} when not {@code null}. */
  static SSLContext context(TestPki.Issued ca, TestPki.Issued client) {
    try {
      KeyManager[] keys = null;
      if (client != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
            "c", client.key(), new char[0], new X509Certificate[] {client.certificate()});
        KeyManagerFactory f =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(store, new char[0]);
        keys = f.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {TrustManagers.of(ca.certPem())}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A handshaken socket to {@code 127.0.0.1:port} sending {@code sni}. */
  static SSLSocket connect(
      SSLContext context, int port, String sni, List<String> versions, List<String> alpn)
      throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    SSLParameters params = socket.getSSLParameters();
    params.setServerNames(List.of(new SNIHostName(sni)));
    if (versions != null) {
      params.setProtocols(versions.toArray(String[]::new));
    }
    if (alpn != null) {
      params.setApplicationProtocols(alpn.toArray(String[]::new));
    }
    socket.setSSLParameters(params);
    socket.startHandshake();
    return socket;
  }

  /** Sends a GET over HTTP/1.1 with {@code host}; returns the status line. */
  static String get(SSLSocket socket, String host, String path) throws IOException {
    return ShellTesting.rawRequest(
        socket, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  }
}

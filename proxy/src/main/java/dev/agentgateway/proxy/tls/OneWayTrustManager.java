package dev.agentgateway.proxy.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that checks one side's certificates only, with the handshake session at hand (for
 * the SNI): a listener checks clients, an upstream connection checks servers. The JDK's three
 * overloads per side funnel into {@link #check}; the other side is always refused.
 */
abstract class OneWayTrustManager extends X509ExtendedTrustManager {
  private final boolean checksClients;

  /**
   * @param checksClients true for a listener (client certificates), false for an upstream
   *     connection (server certificates)
   */
  OneWayTrustManager(boolean checksClients) {
    this.checksClients = checksClients;
  }

  /**
   * Checks {@code chain}.
   *
   * @param handshake the handshake in progress, or null when the JDK gives none
   */
  abstract void check(X509Certificate[] chain, String authType, SSLSession handshake)
      throws CertificateException;

  private void checkSide(boolean client, X509Certificate[] chain, String authType, SSLSession s)
      throws CertificateException {
    if (client != checksClients) {
      throw new CertificateException(
          checksClients
              ? "a listener does not check server certificates"
              : "an upstream connection does not check client certificates");
    }
    check(chain, authType, s);
  }

  private static SSLSession session(Socket socket) {
    return socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
  }

  private static SSLSession session(SSLEngine engine) {
    return engine == null ? null : engine.getHandshakeSession();
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkSide(true, chain, authType, session(socket));
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkSide(true, chain, authType, session(engine));
  }

  @Override
  public final void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    checkSide(true, chain, authType, null);
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkSide(false, chain, authType, session(socket));
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkSide(false, chain, authType, session(engine));
  }

  @Override
  public final void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    checkSide(false, chain, authType, null);
  }
}

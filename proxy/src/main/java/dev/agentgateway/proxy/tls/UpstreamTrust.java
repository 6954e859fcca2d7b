package dev.agentgateway.proxy.tls;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies an upstream's certificate: the chain against the configured roots (unless {@code
 * insecure}), then its subject alternative names against the expected host name or any of the
 * accepted names (unless {@code insecureHost}).
 */
final class UpstreamTrust extends OneWayTrustManager {
  private static final int DNS = 2;
  private static final int URI = 6;
  private static final int IP = 7;

  private final X509ExtendedTrustManager roots;
  private final String hostname;
  private final List<String> acceptedNames;
  private final boolean checkNames;

  /**
   * @param roots the chain check, or {@code null} to accept any chain
   * @param hostname the name to expect, or {@code null} for the host connected to
   */
  UpstreamTrust(
      X509ExtendedTrustManager roots, String hostname, List<String> acceptedNames, boolean names) {
    super(false);
    this.roots = roots;
    this.hostname = hostname;
    this.acceptedNames = List.copyOf(acceptedNames);
    this.checkNames = names;
  }

  @Override
  void check(X509Certificate[] chain, String authType, SSLSession handshake)
      throws CertificateException {
    if (roots != null) {
      roots.checkServerTrusted(chain, authType);
    }
    if (!checkNames) {
      return;
    }
    List<String> expected = new ArrayList<>(acceptedNames);
    String host = hostname != null ? hostname : handshake == null ? null : handshake.getPeerHost();
    if (host != null) {
      expected.add(host);
    }
    if (!matches(chain[0], expected)) {
      throw new CertificateException(
          "certificate names " + names(chain[0]) + " do not match " + expected);
    }
  }

  static boolean matches(X509Certificate leaf, List<String> expected) throws CertificateException {
    for (List<?> san : sans(leaf)) {
      int type = (Integer) san.get(0);
      String value = String.valueOf(san.get(1));
      for (String want : expected) {
        if (type == DNS && dnsMatches(value, want)
            || (type == IP || type == URI) && value.equalsIgnoreCase(want)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dnsMatches(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (p.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(p.substring(1));
    }
    return p.equals(h);
  }

  private static Collection<List<?>> sans(X509Certificate leaf) throws CertificateException {
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      return names == null ? List.of() : names;
    } catch (CertificateParsingException e) {
      throw new CertificateException("unreadable subject alternative names", e);
    }
  }

  private static List<String> names(X509Certificate leaf) throws CertificateException {
    List<String> out = new ArrayList<>();
    for (List<?> san : sans(leaf)) {
      out.add(String.valueOf(san.get(1)));
    }
    return out;
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return roots == null ? new X509Certificate[0] : roots.getAcceptedIssuers();
  }
}

package dev.agentgateway.proxy.tls;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Pem;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates of the HTTPS listeners of one bind, chosen by SNI the way listeners are chosen
 * by host: an exact hostname, then the longest matching {@code *.} wildcard, then a listener
 * without a hostname; a client without SNI gets the first listener's.
 */
final class ServerCertificates {
  /** One listener's certificate, key and client CA (trust is {@code null} without mTLS). */
  record Entry(
      String alias,
      String hostname,
      X509Certificate[] chain,
      PrivateKey key,
      X509ExtendedTrustManager clientTrust) {}

  private final List<Entry> entries;

  private ServerCertificates(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The certificates of {@code listeners} (those without TLS are skipped). */
  static ServerCertificates of(List<Listener> listeners) {
    List<Entry> entries = new ArrayList<>();
    for (Listener listener : listeners) {
      ListenerTls tls = listener.tls();
      if (tls == null) {
        continue;
      }
      entries.add(
          new Entry(
              listener.key(),
              listener.hostname() == null ? null : listener.hostname().toLowerCase(Locale.ROOT),
              Pem.certificates(tls.certChain()).toArray(X509Certificate[]::new),
              Pem.privateKey(tls.key().value()),
              tls.clientCa() == null ? null : TrustManagers.of(tls.clientCa())));
    }
    return new ServerCertificates(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  Entry byAlias(String alias) {
    for (Entry e : entries) {
      if (e.alias().equals(alias)) {
        return e;
      }
    }
    return null;
  }

  /** The entry for {@code sni} ({@code null} when the client sent none), or {@code null}. */
  Entry select(String sni) {
    if (entries.isEmpty()) {
      return null;
    }
    if (sni == null) {
      return entries.get(0);
    }
    String host = sni.toLowerCase(Locale.ROOT);
    Entry wildcard = null;
    Entry any = null;
    for (Entry e : entries) {
      String h = e.hostname();
      if (h == null) {
        any = any == null ? e : any;
      } else if (h.equals(host)) {
        return e;
      } else if (h.startsWith("*.")
          && host.endsWith(h.substring(1))
          && (wildcard == null || h.length() > wildcard.hostname().length())) {
        wildcard = e;
      }
    }
    return wildcard != null ? wildcard : any != null ? any : entries.get(0);
  }
}

package dev.agentgateway.control.xds.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM to and from certificates and keys. Errors name what was being read (e.g. {@code tls.key}) and
 * never include the bytes.
 */
final class Pem {
  private Pem() {}

  /** The certificates in {@code pem}, in order; at least one. */
  static List<X509Certificate> certificates(byte[] pem, String what) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (var c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException(what + ": no PEM certificate found");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(what + ": not a PEM certificate", e);
    }
  }

  /** The private key in {@code pem}: PKCS#8, SEC1 (EC) or PKCS#1 (RSA), unencrypted. */
  static PrivateKey privateKey(byte[] pem, String what) {
    try (PEMParser parser =
        new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o instanceof PEMKeyPair pair) {
          // Traditional (SEC1/PKCS#1) form; its public half may be absent, so take the private one.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
      }
      throw new IllegalArgumentException(what + ": no unencrypted PEM private key found");
    } catch (IOException e) {
      // The message of a parse error may quote the input: leave it out.
      throw new IllegalArgumentException(what + ": not a valid PEM private key");
    }
  }

  /** {@code certificates} as PEM. */
  static byte[] encode(List<X509Certificate> certificates) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (X509Certificate c : certificates) {
        writer.writeObject(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code key} as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}). */
  static byte[] encode(PrivateKey key) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }
}

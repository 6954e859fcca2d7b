package dev.agentgateway.model.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests, made with BouncyCastle: a CA, and server or client certificates it signs
 * (EC P-256, valid from a day ago for a day). Everything is in memory and PEM-encoded on demand.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private TestPki() {}

  /** A certificate with its key. */
  public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {
    /** The certificate as PEM. */
    public String certPem() {
      return pem(certificate);
    }

    /** The leaf then its issuer, as PEM. */
    public String chainPem() {
      return issuer == null ? certPem() : certPem() + pem(issuer);
    }

    /** The private key as PKCS#8 PEM ({@code PRIVATE KEY}). */
    public String keyPem() {
      try {
        return pem(new JcaPKCS8Generator(key, null).generate());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The private key in OpenSSL's traditional form ({@code EC PRIVATE KEY}). */
    public String traditionalKeyPem() {
      return pem(key);
    }

    /** A certificate for {@code dnsNames} signed by this one (which must be a CA). */
    public Issued server(String commonName, String... dnsNames) {
      return issue(commonName, this, false, KeyPurposeId.id_kp_serverAuth, dnsNames);
    }

    /** A client certificate signed by this one (which must be a CA). */
    public Issued client(String commonName) {
      return issue(commonName, this, false, KeyPurposeId.id_kp_clientAuth);
    }
  }

  /** A self-signed CA. */
  public static Issued ca(String commonName) {
    return issue(commonName, null, true, null);
  }

  private static Issued issue(
      String commonName, Issued signer, boolean ca, KeyPurposeId purpose, String... dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + commonName);
      X500Name issuerName =
          signer == null
              ? subject
              : new X500Name(signer.certificate().getSubjectX500Principal().getName());
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(1, ChronoUnit.DAYS)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              subject,
              pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (dnsNames.length > 0) {
        List<GeneralName> names = new ArrayList<>();
        for (String name : dnsNames) {
          names.add(
              name.matches("[0-9.]+")
                  ? new GeneralName(GeneralName.iPAddress, name)
                  : new GeneralName(GeneralName.dNSName, name));
        }
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
      PrivateKey signingKey = signer == null ? pair.getPrivate() : signer.key();
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
      return new Issued(cert, pair.getPrivate(), signer == null ? null : signer.certificate());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object value) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

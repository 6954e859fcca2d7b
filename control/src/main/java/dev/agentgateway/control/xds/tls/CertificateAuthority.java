package dev.agentgateway.control.xds.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A signing CA for the xDS port: generates itself (ECDSA P-256) and signs short-lived serving
 * certificates. Uses the JDK's providers; BouncyCastle only builds the certificates.
 *
 * @param certificate the CA certificate proxies trust
 * @param key the CA's private key
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey key) {
  /** Subject CN of a generated CA. */
  public static final String CA_COMMON_NAME = "agw-xds-ca";

  /** Subject CN of the serving certificates it signs. */
  public static final String SERVER_COMMON_NAME = "agw-xds-server";

  /** Lifetime of a generated CA. */
  public static final Duration CA_LIFETIME = Duration.ofDays(3650);

  // Serving certificates start a little in the past so a proxy whose clock lags still accepts them.
  private static final Duration BACKDATE = Duration.ofMinutes(1);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Checks the key belongs to the certificate and the certificate may sign others. */
  public CertificateAuthority {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
    if (!isCa(certificate)) {
      throw new IllegalArgumentException(
          "certificate " + certificate.getSubjectX500Principal().getName() + " is not a CA");
    }
  }

  /** A new self-signed CA, valid from {@code now} for {@code lifetime}. */
  public static CertificateAuthority generate(Instant now, Duration lifetime) {
    KeyPair pair = newKeyPair();
    X500Principal subject = new X500Principal("CN=" + CA_COMMON_NAME);
    Instant from = now.truncatedTo(ChronoUnit.SECONDS);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial(),
                  Date.from(from),
                  Date.from(from.plus(lifetime)),
                  subject,
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new CertificateAuthority(sign(builder, pair.getPrivate()), pair.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot generate the xDS CA: " + e.getMessage(), e);
    }
  }

  /**
   * A serving certificate (CN {@value #SERVER_COMMON_NAME}) for {@code hosts}, valid until {@code
   * now + lifetime}, with a fresh key. IP literals become IP SANs, anything else DNS SANs.
   */
  public ServingCertificate sign(List<String> hosts, Instant now, Duration lifetime) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a serving certificate needs at least one host");
    }
    KeyPair pair = newKeyPair();
    Instant from = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  certificate,
                  serial(),
                  Date.from(from),
                  Date.from(now.plus(lifetime)),
                  new X500Principal("CN=" + SERVER_COMMON_NAME),
                  pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, names(hosts))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(certificate))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate leaf = sign(builder, key);
      return new ServingCertificate(pair.getPrivate(), List.of(leaf, certificate));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException(
          "cannot sign the xDS serving certificate: " + e.getMessage(), e);
    }
  }

  /** True when {@code certificate} may sign certificates (basic constraints CA). */
  static boolean isCa(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    boolean mayCertSign = usage == null || (usage.length > 5 && usage[5]);
    return certificate.getBasicConstraints() >= 0 && mayCertSign;
  }

  /** True when {@code key} is the private half of {@code publicKey}'s pair. */
  static boolean matches(PrivateKey key, PublicKey publicKey) {
    // Signing a probe and verifying it works for every key type without parsing key internals.
    String algorithm = signatureAlgorithm(key);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      byte[] probe = "agw-xds-key-check".getBytes(StandardCharsets.US_ASCII);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static GeneralNames names(List<String> hosts) {
    GeneralName[] names = new GeneralName[hosts.size()];
    for (int i = 0; i < names.length; i++) {
      String host = hosts.get(i);
      names[i] =
          isIpLiteral(host)
              ? new GeneralName(GeneralName.iPAddress, ipBytes(host))
              : new GeneralName(GeneralName.dNSName, host);
    }
    return new GeneralNames(names);
  }

  static boolean isIpLiteral(String host) {
    return host.contains(":") || IPV4.matcher(host).matches();
  }

  private static DEROctetString ipBytes(String literal) {
    try {
      // A literal is parsed without a DNS lookup.
      return new DEROctetString(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      ContentSigner contentSigner =
          new JcaContentSignerBuilder(signatureAlgorithm(signer)).build(signer);
      return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default ->
          throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    };
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA P-256 is not available: " + e.getMessage(), e);
    }
  }

  private static BigInteger serial() {
    // 159 random bits: positive and within RFC 5280's 20 octets.
    return new BigInteger(159, RANDOM);
  }

  @Override
  public String toString() {
    return "CertificateAuthority[subject=" + certificate.getSubjectX500Principal().getName() + "]";
  }
}

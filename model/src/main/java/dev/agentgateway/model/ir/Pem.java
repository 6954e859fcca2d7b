package dev.agentgateway.model.ir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM text: X.509 certificates, and private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form, the forms {@code openssl} and
 * cert-manager write. Errors say what is wrong and never include key material.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
  // DER of the AlgorithmIdentifiers a PKCS#1 or SEC1 key is wrapped in to make it PKCS#8.
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };
  private static final byte[] EC_PUBLIC_KEY_OID = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

  private Pem() {}

  /**
   * The certificates of {@code pem}, in order.
   *
   * @throws IllegalArgumentException when there is no certificate or one does not parse
   */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(pem)) {
        if (block.type().equals("CERTIFICATE")) {
          out.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException("invalid certificate: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }
    return List.copyOf(out);
  }

  /**
   * The first private key of {@code pem}.
   *
   * @throws IllegalArgumentException when there is no key or it does not parse
   */
  public static PrivateKey privateKey(String pem) {
    for (Block block : blocks(pem)) {
      byte[] pkcs8 =
          switch (block.type()) {
            case "PRIVATE KEY" -> block.der();
            case "RSA PRIVATE KEY" -> sequence(VERSION_0, RSA_ALGORITHM, octets(block.der()));
            case "EC PRIVATE KEY" ->
                sequence(
                    VERSION_0,
                    sequence(EC_PUBLIC_KEY_OID, curveOf(block.der())),
                    octets(block.der()));
            default -> null;
          };
      if (pkcs8 != null) {
        return pkcs8Key(pkcs8);
      }
    }
    throw new IllegalArgumentException(
        "no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found");
  }

  private static PrivateKey pkcs8Key(byte[] der) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("invalid private key (not RSA, EC or EdDSA PKCS#8)");
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(String pem) {
    List<Block> out = new ArrayList<>();
    if (pem == null) {
      return out;
    }
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid base64 in PEM block " + m.group(1));
      }
    }
    return out;
  }

  /**
   * The named-curve OID ({@code [0]} parameters) of a SEC1 ECPrivateKey; without parameters, the
   * NIST curve its key length implies.
   */
  private static byte[] curveOf(byte[] sec1) {
    int[] pos = {0};
    expect(sec1, pos, 0x30);
    int end = length(sec1, pos) + pos[0];
    int keyLength = -1;
    while (pos[0] < end) {
      int tag = sec1[pos[0]++] & 0xff;
      int len = length(sec1, pos);
      if (tag == 0xa0) {
        byte[] oid = new byte[len];
        System.arraycopy(sec1, pos[0], oid, 0, len);
        return oid;
      }
      if (tag == 0x04) {
        keyLength = len;
      }
      pos[0] += len;
    }
    return switch (keyLength) {
      case 32 ->
          new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
      case 48 -> new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x22};
      case 66 -> new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x23};
      default ->
          throw new IllegalArgumentException("EC PRIVATE KEY without curve parameters; use PKCS#8");
    };
  }

  private static void expect(byte[] der, int[] pos, int tag) {
    if (der.length == 0 || (der[pos[0]++] & 0xff) != tag) {
      throw new IllegalArgumentException("malformed EC PRIVATE KEY");
    }
  }

  private static int length(byte[] der, int[] pos) {
    if (pos[0] >= der.length) {
      throw new IllegalArgumentException("malformed EC PRIVATE KEY");
    }
    int first = der[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int len = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      len = (len << 8) | (der[pos[0]++] & 0xff);
    }
    if (len < 0 || pos[0] + len > der.length) {
      throw new IllegalArgumentException("malformed EC PRIVATE KEY");
    }
    return len;
  }

  private static byte[] octets(byte[] content) {
    return tlv(0x04, content);
  }

  private static byte[] sequence(byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(part);
    }
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = content.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      int bytes = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(len >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}

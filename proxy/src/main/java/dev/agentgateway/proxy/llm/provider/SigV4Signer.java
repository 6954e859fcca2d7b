package dev.agentgateway.proxy.llm.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for request headers: canonical request, string to sign, the derived
 * signing key, and the {@code Authorization} header. Every service but S3 encodes the path twice
 * (each already-encoded segment once more), as the AWS SDKs do; Bedrock model ids with {@code :}
 * depend on it.
 */
public final class SigV4Signer {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final AwsCredentials credentials;
  private final String region;
  private final String service;

  /**
   * @param region the signing region, such as {@code us-east-1}
   * @param service the signing service, such as {@code bedrock}
   */
  public SigV4Signer(AwsCredentials credentials, String region, String service) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.region = Objects.requireNonNull(region, "region");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Signs a request and returns the headers to add to it: {@code x-amz-date}, {@code
   * x-amz-security-token} with a session token, and {@code authorization}.
   *
   * @param method the HTTP method
   * @param path the request path as sent (percent-encoded)
   * @param query the query as sent, without {@code ?}, or null
   * @param headers the headers to sign (at least {@code host}); a given {@code
   *     x-amz-content-sha256} is used as the payload hash
   * @param body the request body (empty for none)
   * @param now the signing time
   */
  public Map<String, String> sign(
      String method,
      String path,
      String query,
      Map<String, String> headers,
      byte[] body,
      Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String date = amzDate.substring(0, 8);
    Map<String, String> signed = new TreeMap<>();
    headers.forEach((k, v) -> signed.put(k.toLowerCase(Locale.ROOT), v));
    if (!signed.containsKey("host")) {
      throw new IllegalArgumentException("the host header must be signed");
    }
    Map<String, String> added = new LinkedHashMap<>();
    added.put("x-amz-date", amzDate);
    if (credentials.sessionToken() != null) {
      added.put("x-amz-security-token", credentials.sessionToken());
    }
    signed.putAll(added);
    String payloadHash = signed.getOrDefault("x-amz-content-sha256", sha256Hex(body));
    String canonical = canonicalRequest(method, path, query, signed, payloadHash);
    String scope = date + "/" + region + "/" + service + "/aws4_request";
    String toSign = stringToSign(amzDate, scope, canonical);
    String signature = HEX.formatHex(hmac(signingKey(date), toSign));
    added.put(
        "authorization",
        ALGORITHM
            + " Credential="
            + credentials.accessKeyId()
            + "/"
            + scope
            + ", SignedHeaders="
            + String.join(";", signed.keySet())
            + ", Signature="
            + signature);
    return added;
  }

  /** The canonical request; {@code headers} are lower-cased and sorted. */
  String canonicalRequest(
      String method, String path, String query, Map<String, String> headers, String payloadHash) {
    StringBuilder b = new StringBuilder();
    b.append(method.toUpperCase(Locale.ROOT)).append('\n');
    b.append(canonicalUri(path)).append('\n');
    b.append(canonicalQuery(query)).append('\n');
    headers.forEach((k, v) -> b.append(k).append(':').append(trimValue(v)).append('\n'));
    b.append('\n');
    b.append(String.join(";", headers.keySet())).append('\n');
    b.append(payloadHash);
    return b.toString();
  }

  static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM
        + "\n"
        + amzDate
        + "\n"
        + scope
        + "\n"
        + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
  byte[] signingKey(String date) {
    byte[] k =
        hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
    k = hmac(k, region);
    k = hmac(k, service);
    return hmac(k, "aws4_request");
  }

  private String canonicalUri(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    if (service.equals("s3")) {
      return path;
    }
    StringBuilder b = new StringBuilder();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(uriEncode(segments[i]));
    }
    return b.toString();
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : query.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new String[] {uriEncode(decode(k)), uriEncode(decode(v))});
    }
    pairs.sort((a, c) -> a[0].equals(c[0]) ? a[1].compareTo(c[1]) : a[0].compareTo(c[0]));
    List<String> out = new ArrayList<>();
    pairs.forEach(p -> out.add(p[0] + "=" + p[1]));
    return String.join("&", out);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** RFC 3986 encoding of everything but the unreserved characters, upper-case hex. */
  static String uriEncode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)));
        b.append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
      }
    }
    return b.toString();
  }

  /** Trims and folds inner runs of spaces to one, as SigV4's canonical headers require. */
  private static String trimValue(String v) {
    return v.strip().replaceAll(" +", " ");
  }

  static String sha256Hex(byte[] data) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SigV4Signer[" + credentials + ", " + region + ", " + service + "]";
  }
}

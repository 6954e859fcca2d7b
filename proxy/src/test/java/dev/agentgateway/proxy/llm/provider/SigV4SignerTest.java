package dev.agentgateway.proxy.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * AWS's published SigV4 vectors: the test suite's get-vanilla, get-vanilla-query-order-key-case and
 * post-vanilla (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"), and
 * the S3 API reference's "GET Object" header-signing example.
 */
class SigV4SignerTest {
  private static final AwsCredentials SUITE =
      new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
  private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static String suiteAuthorization(String method, String query) {
    SigV4Signer signer = new SigV4Signer(SUITE, "us-east-1", "service");
    return signer
        .sign(method, "/", query, Map.of("Host", "example.amazonaws.com"), new byte[0], SUITE_TIME)
        .get("authorization");
  }

  @Test
  void getVanillaMatchesTheTestSuite() {
    assertEquals(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
            + " SignedHeaders=host;x-amz-date,"
            + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        suiteAuthorization("GET", null));
  }

  @Test
  void getVanillaCanonicalRequestAndStringToSignMatchTheTestSuite() {
    SigV4Signer signer = new SigV4Signer(SUITE, "us-east-1", "service");
    Map<String, String> headers = new TreeMap<>();
    headers.put("host", "example.amazonaws.com");
    headers.put("x-amz-date", "20150830T123600Z");
    String canonical = signer.canonicalRequest("GET", "/", null, headers, EMPTY_SHA256);
    assertEquals(
        "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
            + EMPTY_SHA256,
        canonical);
    assertEquals(
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        SigV4Signer.stringToSign(
            "20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical));
  }

  @Test
  void queryParametersAreSortedAsTheTestSuiteExpects() {
    assertEquals(
        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
        signature(suiteAuthorization("GET", "Param2=value2&Param1=value1")));
  }

  @Test
  void postVanillaMatchesTheTestSuite() {
    assertEquals(
        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        signature(suiteAuthorization("POST", null)));
  }

  @Test
  void s3GetObjectExampleSignsTheContentHashAndRange() {
    SigV4Signer signer =
        new SigV4Signer(
            new AwsCredentials(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null),
            "us-east-1",
            "s3");
    Map<String, String> out =
        signer.sign(
            "GET",
            "/test.txt",
            null,
            Map.of(
                "Host", "examplebucket.s3.amazonaws.com",
                "Range", "bytes=0-9",
                "x-amz-content-sha256", EMPTY_SHA256),
            new byte[0],
            Instant.parse("2013-05-24T00:00:00Z"));
    assertEquals(
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
        out.get("authorization"));
  }

  @Test
  void sessionTokenIsSentAndSignedAndSecretsStayOutOfToString() {
    AwsCredentials withToken = new AwsCredentials("AKID", "secret-value", "token-value");
    SigV4Signer signer = new SigV4Signer(withToken, "us-east-1", "bedrock");
    Map<String, String> out =
        signer.sign(
            "POST",
            "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse",
            null,
            Map.of("host", "bedrock-runtime.us-east-1.amazonaws.com"),
            "{}".getBytes(),
            SUITE_TIME);
    assertEquals("token-value", out.get("x-amz-security-token"));
    assertEquals(
        true,
        out.get("authorization").contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));
    assertFalse(signer.toString().contains("secret-value"));
  }

  @Test
  void nonS3ServicesEncodeThePathTwice() {
    SigV4Signer signer = new SigV4Signer(SUITE, "us-east-1", "bedrock");
    String canonical =
        signer.canonicalRequest(
            "POST", "/model/a.b-v1%3A0/converse", null, new TreeMap<>(Map.of("host", "h")), "x");
    assertEquals("/model/a.b-v1%253A0/converse", canonical.split("\n")[1]);
  }

  private static String signature(String authorization) {
    return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
  }
}

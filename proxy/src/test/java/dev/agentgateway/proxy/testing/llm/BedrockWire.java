package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bedrock Runtime: {@code /model/{modelId}/converse} and {@code /converse-stream} (AWS event-stream
 * frames), with tool use; checks the shape of the SigV4 {@code Authorization} header (or accepts a
 * Bearer API key) as AWS rejects unsigned requests, without verifying the signature.
 */
final class BedrockWire implements ProviderWire {
  /** The SigV4 header shape; group 1 is the service, group 2 the signed headers. */
  static final Pattern SIGV4 =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=[A-Z0-9]+/\\d{8}/[a-z0-9-]+/([a-z-]+)/aws4_request,"
              + " SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}");

  private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");

  @Override
  public Reply answer(RecordedRequest r) {
    String auth = r.header("authorization");
    if (auth == null) {
      return aws(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    if (!auth.startsWith("Bearer ")) {
      Matcher m = SIGV4.matcher(auth);
      if (!m.matches()
          || !m.group(1).equals("bedrock")
          || !List.of(m.group(2).split(";")).containsAll(List.of("host", "x-amz-date"))
          || r.header("x-amz-date") == null) {
        return aws(
            403,
            "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided.");
      }
    }
    Matcher path = PATH.matcher(r.path());
    if (!r.method().equals("POST") || !path.matches()) {
      return aws(404, "UnknownOperationException", null);
    }
    JsonNode body = Payloads.parse(r.body());
    if (body == null || !ProviderWire.has(body, "messages")) {
      return aws(400, "ValidationException", "The provided request is not valid");
    }
    boolean tools = ProviderWire.has(body, "toolConfig");
    if (path.group(2).equals("converse")) {
      return Reply.json(
          200,
          Payloads.text(tools ? "bedrock/converse-tools.json" : "bedrock/converse.json", null));
    }
    List<byte[]> frames = new ArrayList<>();
    String file = tools ? "bedrock/converse-stream-tools.jsonl" : "bedrock/converse-stream.jsonl";
    for (String line : Payloads.text(file, null).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode event = Payloads.JSON.readTree(line);
        frames.add(
            EventStreamEncoder.event(event.get("event").asText(), event.get("payload").toString()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return Reply.stream("application/vnd.amazon.eventstream", frames);
  }

  @Override
  public Reply error(int status) {
    return switch (status) {
      case 400 -> aws(400, "ValidationException", "The provided request is not valid");
      case 429 ->
          aws(429, "ThrottlingException", "Too many requests, please wait before trying again.");
      case 503 ->
          aws(503, "ServiceUnavailableException", "Bedrock is unable to process your request.");
      default ->
          aws(status, "InternalServerException", "The server encountered an internal error.");
    };
  }

  private static Reply aws(int status, String type, String message) {
    String json = "{\"message\":" + (message == null ? "null" : "\"" + message + "\"") + "}";
    return Reply.json(
        status,
        json,
        Map.of(
            "x-amzn-errortype",
            type + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
            "x-amzn-requestid",
            "b1c2d3e4-0000-4000-8000-standin00000"));
  }
}

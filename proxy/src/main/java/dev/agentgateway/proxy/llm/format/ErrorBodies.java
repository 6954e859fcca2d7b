package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Error bodies in each client's shape. */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** OpenAI: {@code {"error":{"message","type","param","code"}}}. */
  public static ObjectNode openAi(String type, String message, String code) {
    ObjectNode out = Json.object();
    ObjectNode error = out.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return out;
  }

  /** Anthropic: {@code {"type":"error","error":{"type","message"}}}. */
  public static ObjectNode anthropic(String type, String message) {
    ObjectNode out = Json.object();
    out.put("type", "error");
    out.putObject("error").put("type", type).put("message", message);
    return out;
  }
}

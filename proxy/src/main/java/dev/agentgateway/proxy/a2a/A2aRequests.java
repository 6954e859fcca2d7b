package dev.agentgateway.proxy.a2a;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Tells what an A2A request is: an agent-card fetch, a JSON-RPC call, or something else. */
public final class A2aRequests {
  /** What kind of A2A request one request is. */
  public enum Kind {
    /** A GET of {@code /.well-known/agent.json} or {@code /.well-known/agent-card.json}. */
    AGENT_CARD,
    /** A POST with a JSON body: a JSON-RPC call. */
    CALL,
    /** Anything else; passed through without A2A handling. */
    OTHER
  }

  /** Card path of the v0.3+ spec. */
  static final String CARD_SUFFIX = "/.well-known/agent-card.json";

  /** Card path of earlier specs. */
  static final String LEGACY_CARD_SUFFIX = "/.well-known/agent.json";

  private static final JsonFactory JSON = new JsonFactory();

  private A2aRequests() {}

  /**
   * Classifies a request by its method, path (without query) and {@code Content-Type} (or {@code
   * null}).
   */
  public static Kind classify(String method, String path, String contentType) {
    if ("GET".equals(method) && cardSuffix(path) != null) {
      return Kind.AGENT_CARD;
    }
    if ("POST".equals(method) && isJson(contentType)) {
      return Kind.CALL;
    }
    return Kind.OTHER;
  }

  /** The well-known card suffix {@code path} ends with, or {@code null}. */
  static String cardSuffix(String path) {
    if (path.endsWith(CARD_SUFFIX)) {
      return CARD_SUFFIX;
    }
    return path.endsWith(LEGACY_CARD_SUFFIX) ? LEGACY_CARD_SUFFIX : null;
  }

  /** True for {@code application/json} and any {@code +json} media type. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int end = contentType.indexOf(';');
    String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
    return type.equalsIgnoreCase("application/json")
        || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
  }

  /**
   * The top-level {@code method} string of a JSON-RPC request whose first {@code length} bytes are
   * {@code body}, or {@code null} when those bytes do not hold one (not JSON, a batch, or cut off
   * before the member). Stops reading at the member, so a truncated body is fine.
   */
  public static String jsonRpcMethod(byte[] body, int length) {
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("method".equals(name)) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      // Not JSON, or cut off at the peek limit before the member: no method to report.
      return null;
    }
  }
}

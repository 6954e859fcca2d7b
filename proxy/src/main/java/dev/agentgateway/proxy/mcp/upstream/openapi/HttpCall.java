package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP request one tool call makes, built from the tool's operation and the call's arguments.
 *
 * @param method the HTTP method
 * @param pathAndQuery the operation's path with its parameters filled in and encoded, plus the
 *     query; relative to the target's base path
 * @param headers header parameters, in order
 * @param body the JSON request body, or null for none
 */
record HttpCall(
    String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    headers = List.copyOf(headers);
  }

  /**
   * The request for {@code op} given {@code arguments} (the call's {@code params.arguments}: {@code
   * path}, {@code query} and {@code header} objects, and {@code body}).
   *
   * @throws IllegalArgumentException an argument is missing or unusable; the message names it
   */
  static HttpCall of(Operation op, JsonNode arguments) {
    JsonNode args = arguments == null || arguments.isNull() ? JSON.createObjectNode() : arguments;
    if (!args.isObject()) {
      throw new IllegalArgumentException("arguments must be an object");
    }
    String path = op.path();
    StringBuilder query = new StringBuilder();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Param p : op.params()) {
      JsonNode value = args.path(p.in().group).get(p.name());
      if (value == null || value.isNull()) {
        if (p.required()) {
          throw new IllegalArgumentException(
              "missing required " + p.in().group + " parameter '" + p.name() + "'");
        }
        continue;
      }
      switch (p.in()) {
        case PATH -> path = path.replace("{" + p.name() + "}", pathValue(p, value));
        case QUERY -> query(query, p, value);
        case HEADER -> headers.add(Map.entry(p.name(), headerValue(p, value)));
      }
    }
    byte[] body = null;
    JsonNode bodyValue = args.get("body");
    if (op.body() && bodyValue != null && !bodyValue.isNull()) {
      try {
        body = JSON.writeValueAsBytes(bodyValue);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("body cannot be written as JSON");
      }
    } else if (op.bodyRequired()) {
      throw new IllegalArgumentException("missing required body");
    }
    return new HttpCall(op.method(), query.isEmpty() ? path : path + "?" + query, headers, body);
  }

  /** One path segment: a scalar, or an array joined with commas (OpenAPI's simple style). */
  private static String pathValue(Param p, JsonNode value) {
    String text;
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(UriComponents.encode(scalar(p, v))));
      text = String.join(",", parts);
    } else {
      text = UriComponents.encode(scalar(p, value));
    }
    // "." and ".." are unreserved, so they survive encoding, and would move up the path
    if (text.isEmpty() || text.equals(".") || text.equals("..")) {
      throw new IllegalArgumentException(
          "path parameter '" + p.name() + "' cannot be empty, '.' or '..'");
    }
    return text;
  }

  /** {@code name=value}, repeated for each element of an array (form style, exploded). */
  private static void query(StringBuilder query, Param p, JsonNode value) {
    List<JsonNode> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(values::add);
    } else {
      values.add(value);
    }
    for (JsonNode v : values) {
      if (!query.isEmpty()) {
        query.append('&');
      }
      query.append(UriComponents.encode(p.name())).append('=');
      query.append(UriComponents.encode(v.isContainerNode() ? v.toString() : scalar(p, v)));
    }
  }

  private static String headerValue(Param p, JsonNode value) {
    String text;
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(scalar(p, v)));
      text = String.join(",", parts);
    } else {
      text = scalar(p, value);
    }
    if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException(
          "header parameter '" + p.name() + "' cannot hold a line break");
    }
    return text;
  }

  private static String scalar(Param p, JsonNode value) {
    if (value.isValueNode() && !value.isNull()) {
      return value.asText();
    }
    throw new IllegalArgumentException(
        p.in().group + " parameter '" + p.name() + "' must be a string, number or boolean");
  }
}

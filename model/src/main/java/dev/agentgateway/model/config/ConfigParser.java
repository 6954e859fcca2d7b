package dev.agentgateway.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Turns config text (YAML, or JSON) into a tree; syntax errors carry line and column. */
final class ConfigParser {
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private final ObjectMapper json =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** The tree; an empty or whitespace-only text gives an empty mapping. */
  JsonNode parse(String text) throws ConfigException {
    if (text.isBlank()) {
      return yaml.createObjectNode();
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      try {
        return json.readTree(text); // JSON errors are clearer from the JSON parser
      } catch (JsonProcessingException jsonError) {
        try {
          return readYaml(text); // a YAML flow mapping also starts with "{"
        } catch (JsonProcessingException e) {
          throw syntaxError("JSON", jsonError);
        }
      }
    }
    try {
      JsonNode tree = readYaml(text);
      return tree == null || tree.isMissingNode() ? yaml.createObjectNode() : tree;
    } catch (JsonProcessingException e) {
      throw syntaxError("YAML", e);
    }
  }

  private JsonNode readYaml(String text) throws JsonProcessingException {
    return yaml.readTree(text);
  }

  private static ConfigException syntaxError(String format, JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    String at =
        where == null || where.getLineNr() < 0
            ? ""
            : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    String reason = e.getOriginalMessage();
    int newline = reason.indexOf('\n');
    return new ConfigException(
        "",
        "invalid " + format + at + ": " + (newline < 0 ? reason : reason.substring(0, newline)));
  }
}

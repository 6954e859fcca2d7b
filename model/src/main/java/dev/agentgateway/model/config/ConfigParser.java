package dev.agentgateway.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns config text (YAML, or JSON) into a tree; syntax errors carry line and column. */
final class ConfigParser {
  private static final Pattern MARK = Pattern.compile("\\s*in '.*', line (\\d+), column (\\d+):?");
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

  /**
   * One line: the parser's reasons without its source excerpts, at the problem's line and column
   * (SnakeYAML's "in 'reader', line N, column M" marks; the last one is the problem itself).
   */
  private static ConfigException syntaxError(String format, JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    List<String> reasons = new ArrayList<>();
    String line = null;
    String column = null;
    for (String text : original.split("\n")) {
      Matcher mark = MARK.matcher(text);
      if (mark.matches()) {
        line = mark.group(1);
        column = mark.group(2);
      } else if (!text.isBlank() && !text.startsWith("    ") && !reasons.contains(text.strip())) {
        reasons.add(text.strip());
      }
    }
    JsonLocation where = e.getLocation();
    if (line == null && where != null && where.getLineNr() > 0) {
      line = String.valueOf(where.getLineNr());
      column = String.valueOf(where.getColumnNr());
    }
    String at = line == null ? "" : " at line " + line + ", column " + column;
    return new ConfigException("", "invalid " + format + at + ": " + String.join("; ", reasons));
  }
}

package dev.agentgateway.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A node of the parsed config tree together with its field path (e.g. {@code
 * binds[0].listeners[1].hostname}). Readers pull typed values from it; every problem is reported to
 * the shared {@link ReadContext} and the accessor returns {@code null}, so one pass finds all
 * errors.
 *
 * <p>An absent field and an explicit {@code null} are the same: both mean "use the default".
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final String name;
  private final ReadContext ctx;

  private ConfigNode(JsonNode node, String path, String name, ReadContext ctx) {
    this.node = node;
    this.path = path;
    this.name = name;
    this.ctx = ctx;
  }

  static ConfigNode root(JsonNode node, ReadContext ctx) {
    return new ConfigNode(node, "", "", ctx);
  }

  String path() {
    return path;
  }

  JsonNode raw() {
    return node;
  }

  boolean present() {
    return node != null && !node.isMissingNode() && !node.isNull();
  }

  boolean isMapping() {
    return present() && node.isObject();
  }

  boolean isText() {
    return present() && node.isTextual();
  }

  /** The child field {@code field}; absent when this is not a mapping or has no such field. */
  ConfigNode field(String field) {
    JsonNode child = node != null && node.isObject() ? node.get(field) : null;
    return new ConfigNode(child, path.isEmpty() ? field : path + "." + field, field, ctx);
  }

  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (node != null && node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** What relative file names in the config resolve against. */
  java.nio.file.Path baseDir() {
    return ctx.baseDir();
  }

  void error(String message) {
    ctx.error(path, message);
  }

  void notSupported() {
    error("\"" + name + "\" is not supported yet");
  }

  /** Reports a missing required field; returns whether the field is present. */
  boolean require() {
    if (!present()) {
      error("\"" + name + "\" is required");
      return false;
    }
    return true;
  }

  /**
   * Checks that this is a mapping and reports its unknown or not-yet-supported fields. Returns
   * whether there is a mapping to read; absent is silently {@code false}.
   */
  boolean mapping(FieldSet fields) {
    if (!present()) {
      return false;
    }
    if (!node.isObject()) {
      error("expected a mapping, got " + kind());
      return false;
    }
    fields.check(this);
    return true;
  }

  /**
   * For a mapping that must hold exactly one of the keys of {@code fields} (a union such as {@code
   * {exact: ...}} or {@code {pathPrefix: ...}}): that key, or {@code null} when it is not supported
   * yet or after reporting why there is not exactly one.
   */
  String oneOf(FieldSet fields) {
    return mapping(fields) ? variant(fields) : null;
  }

  /**
   * The one key of this mapping that names a variant in {@code variants}; {@code null} when it is
   * not supported yet (already reported by {@link #mapping}) or after reporting that there is not
   * exactly one. Other keys are ignored: check them with {@link #mapping} first.
   */
  String variant(FieldSet variants) {
    List<String> found = new ArrayList<>();
    for (String field : fieldNames()) {
      if (variants.supported().contains(field) || variants.notYet().contains(field)) {
        found.add(field);
      }
    }
    if (found.size() > 1) {
      error("only one of " + String.join(", ", found) + " may be set");
      return null;
    }
    if (found.isEmpty()) {
      error("needs one of " + String.join(", ", variants.supported()));
      return null;
    }
    String variant = found.get(0);
    if (variants.notYet().contains(variant)) {
      if (!field(variant).present()) {
        field(variant).notSupported(); // a null value still selects the variant
      }
      return null;
    }
    return variant;
  }

  /**
   * For a union whose variants all hold a non-empty string: the chosen variant, or {@code null}
   * after reporting the problem.
   */
  TextVariant textVariant(FieldSet fields) {
    String variant = oneOf(fields);
    if (variant == null) {
      return null;
    }
    ConfigNode value = field(variant);
    String text = value.requiredText();
    return text == null ? null : new TextVariant(variant, value, text);
  }

  /** A chosen union variant with its node (for errors) and its text. */
  record TextVariant(String key, ConfigNode node, String text) {
    /** Whether the text is an absolute path; reports it otherwise. */
    boolean isAbsolutePath() {
      if (!text.startsWith("/")) {
        node.error("path must start with \"/\"");
        return false;
      }
      return true;
    }
  }

  /** The items of a list; empty when absent or not a list. */
  List<ConfigNode> list() {
    List<ConfigNode> items = new ArrayList<>();
    if (!present()) {
      return items;
    }
    if (!node.isArray()) {
      error("expected a list, got " + kind());
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      ConfigNode item = new ConfigNode(node.get(i), path + "[" + i + "]", name, ctx);
      if (item.present()) {
        items.add(item);
      } else {
        item.error("must not be null");
      }
    }
    return items;
  }

  /** The entries of a string-keyed map, in file order; empty when absent or not a mapping. */
  Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    if (!present()) {
      return entries;
    }
    if (!node.isObject()) {
      error("expected a mapping, got " + kind());
      return entries;
    }
    for (String key : fieldNames()) {
      entries.put(key, field(key));
    }
    return entries;
  }

  /**
   * A string with environment references expanded, or {@code null}. A plain number or boolean is
   * taken as its text, since YAML users write {@code exact: 1} meaning the string.
   */
  String text() {
    if (!present()) {
      return null;
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    if (!node.isTextual()) {
      error("expected a string, got " + kind());
      return null;
    }
    return ctx.expand(node.textValue(), path);
  }

  /** A string that must be one of {@code allowed}, or {@code null}. */
  String choice(List<String> allowed) {
    String text = text();
    if (text != null && !allowed.contains(text)) {
      error("must be one of " + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  /** A string that must be present and non-empty, or {@code null}. */
  String requiredText() {
    if (!require()) {
      return null;
    }
    String text = text();
    if (text != null && text.isEmpty()) {
      error("must not be empty");
      return null;
    }
    return text;
  }

  /** An integer in {@code [min, max]} (a string is accepted for {@code $VAR} use), or null. */
  Long integer(long min, long max) {
    if (!present()) {
      return null;
    }
    if (node.isIntegralNumber() && !node.canConvertToLong()) {
      error("must be between " + min + " and " + max);
      return null;
    }
    Long value = node.isIntegralNumber() ? Long.valueOf(node.longValue()) : null;
    return ranged(value, Long::parseLong, min, max, "an integer");
  }

  /** Like {@link #integer(long, long)} for int-sized values. */
  Integer integer(int min, int max) {
    Long value = integer((long) min, (long) max);
    return value == null ? null : value.intValue();
  }

  /** {@code true} or {@code false} (also as a string, for {@code $VAR} use), or {@code null}. */
  Boolean bool() {
    if (!present()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = text();
      if (text == null) {
        return null; // expansion failed and was reported
      }
      switch (text.trim()) {
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        default:
          break;
      }
    }
    error("expected true or false, got " + kind());
    return null;
  }

  /** A number in {@code [min, max]}, or {@code null}. */
  Double number(double min, double max) {
    if (!present()) {
      return null;
    }
    Double value = node.isNumber() ? Double.valueOf(node.doubleValue()) : null;
    return ranged(value, Double::parseDouble, min, max, "a number");
  }

  /**
   * {@code value} (read from a number node), or else a string node's expanded text parsed by {@code
   * parse}; checked against {@code [min, max]} (NaN is out of range).
   */
  private <T extends Comparable<T>> T ranged(
      T value, Function<String, T> parse, T min, T max, String expected) {
    if (value == null && node.isTextual()) {
      String text = text();
      if (text == null) {
        return null; // expansion failed and was reported
      }
      try {
        value = parse.apply(text.trim());
      } catch (NumberFormatException e) {
        value = null;
      }
    }
    if (value == null) {
      error("expected " + expected + ", got " + kind());
      return null;
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      error("must be between " + min + " and " + max);
      return null;
    }
    return value;
  }

  /** A duration such as {@code 10s} or {@code 1m30s}, or {@code null}. */
  Duration duration() {
    if (present() && !node.isTextual()) {
      error("expected a duration string such as \"10s\", got " + kind());
      return null;
    }
    String text = text();
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text.trim());
    } catch (IllegalArgumentException e) {
      error("invalid duration: " + e.getMessage());
      return null;
    }
  }

  private String kind() {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase();
  }
}

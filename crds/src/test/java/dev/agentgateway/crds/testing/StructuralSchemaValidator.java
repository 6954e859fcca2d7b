package dev.agentgateway.crds.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an object against a CRD's {@code openAPIV3Schema} the way the API server's strict field
 * validation does ({@code kubectl apply --validate=strict}): unknown fields, types, required,
 * enums, bounds, lengths, patterns and maps. CEL rules ({@code x-kubernetes-validations}) are not
 * evaluated, only counted, so a pass here does not prove that the CEL rules would pass.
 */
public final class StructuralSchemaValidator {

  /** The outcome: errors as {@code <field path>: <message>}, and the CEL rules not evaluated. */
  public record Result(List<String> errors, int celRulesSkipped) {
    public Result {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final List<String> errors = new ArrayList<>();
  private int celRules;

  private StructuralSchemaValidator() {}

  /** Validates a whole object (apiVersion, kind, metadata, spec, ...) against a root schema. */
  public static Result validate(JsonNode schema, JsonNode object) {
    StructuralSchemaValidator v = new StructuralSchemaValidator();
    v.check(schema, object, "", true);
    return new Result(v.errors, v.celRules);
  }

  private void check(JsonNode schema, JsonNode value, String path, boolean root) {
    String at = path.isEmpty() ? "<root>" : path;
    if (value == null || value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(at + ": must not be null");
      }
      return;
    }
    celRules += schema.path("x-kubernetes-validations").size();
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        errors.add(at + ": must be an integer or a string");
        return;
      }
    } else if (!checkType(schema.path("type").asText(""), value, at)) {
      return;
    }
    checkEnum(schema, value, at);
    if (value.isTextual()) {
      checkString(schema, value.asText(), at);
    } else if (value.isNumber()) {
      checkNumber(schema, value, at);
    } else if (value.isArray()) {
      checkArray(schema, value, path, at);
    } else if (value.isObject()) {
      checkObject(schema, value, path, at, root);
    }
  }

  private boolean checkType(String type, JsonNode value, String at) {
    boolean ok =
        switch (type) {
          case "" -> true;
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> throw new IllegalArgumentException(at + ": schema has unknown type " + type);
        };
    if (!ok) {
      errors.add(at + ": must be of type " + type + ", got " + value.getNodeType());
    }
    return ok;
  }

  private void checkEnum(JsonNode schema, JsonNode value, String at) {
    JsonNode allowed = schema.get("enum");
    if (allowed == null) {
      return;
    }
    for (JsonNode a : allowed) {
      if (a.equals(value)) {
        return;
      }
    }
    errors.add(at + ": unsupported value " + value + ", allowed " + allowed);
  }

  private void checkString(JsonNode schema, String s, String at) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      errors.add(at + ": shorter than " + schema.get("minLength").asInt());
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      errors.add(at + ": longer than " + schema.get("maxLength").asInt());
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      errors.add(at + ": does not match " + schema.get("pattern").asText());
    }
  }

  private void checkNumber(JsonNode schema, JsonNode n, String at) {
    double d = n.asDouble();
    if (schema.has("minimum")) {
      double min = schema.get("minimum").asDouble();
      if (d < min || d == min && schema.path("exclusiveMinimum").asBoolean(false)) {
        errors.add(at + ": below the minimum " + schema.get("minimum"));
      }
    }
    if (schema.has("maximum")) {
      double max = schema.get("maximum").asDouble();
      if (d > max || d == max && schema.path("exclusiveMaximum").asBoolean(false)) {
        errors.add(at + ": above the maximum " + schema.get("maximum"));
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode array, String path, String at) {
    if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
      errors.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
    }
    if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
      errors.add(at + ": more than " + schema.get("maxItems").asInt() + " items");
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      for (int i = 0; i < array.size(); i++) {
        check(items, array.get(i), path + "[" + i + "]", false);
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode object, String path, String at, boolean root) {
    if (schema.has("minProperties") && object.size() < schema.get("minProperties").asInt()) {
      errors.add(at + ": fewer than " + schema.get("minProperties").asInt() + " properties");
    }
    if (schema.has("maxProperties") && object.size() > schema.get("maxProperties").asInt()) {
      errors.add(at + ": more than " + schema.get("maxProperties").asInt() + " properties");
    }
    JsonNode properties = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      // The API server defaults before it validates, so a defaulted field is never missing.
      if (!object.has(name) && !properties.path(name).has("default")) {
        errors.add(child(path, name) + ": Required value");
      }
    }
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode additional = schema.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String fieldPath = child(path, name);
      if (root && List.of("apiVersion", "kind", "metadata").contains(name)) {
        continue; // the API server validates these itself, whatever the CRD schema says
      }
      if (properties.has(name)) {
        check(properties.get(name), field.getValue(), fieldPath, false);
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), fieldPath, false);
      } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
        errors.add(fieldPath + ": unknown field");
      }
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}

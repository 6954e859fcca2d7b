package dev.agentgateway.crds.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralSchemaValidatorTest {

  private static final ObjectMapper YAML = new YAMLMapper();

  private static final String SCHEMA =
      """
      type: object
      properties:
        apiVersion: {type: string}
        kind: {type: string}
        metadata: {type: object}
        spec:
          type: object
          required: [name]
          x-kubernetes-validations:
          - rule: "has(self.name)"
          properties:
            name: {type: string, minLength: 1, maxLength: 5, pattern: "^[a-z]+$"}
            port: {type: integer, minimum: 1, maximum: 65535}
            mode: {type: string, enum: [Strict, Optional]}
            kind: {type: string, default: Service}
            size:
              anyOf: [{type: integer}, {type: string}]
              x-kubernetes-int-or-string: true
            tags: {type: array, maxItems: 2, items: {type: string}}
            labels: {type: object, additionalProperties: {type: string}}
            raw: {type: object, x-kubernetes-preserve-unknown-fields: true}
            on: {type: boolean}
          oneOf: []
      """;

  private static List<String> errors(String object) throws Exception {
    return StructuralSchemaValidator.validate(YAML.readTree(SCHEMA), YAML.readTree(object))
        .errors();
  }

  @Test
  void acceptsAValidObjectAndCountsItsCelRules() throws Exception {
    JsonNode object =
        YAML.readTree(
            """
            apiVersion: x/v1
            kind: X
            metadata: {name: a, anything: [1]}
            spec:
              name: abc
              port: 80
              mode: Strict
              size: 10Mi
              tags: [a, b]
              labels: {a: b}
              raw: {any: {thing: 1}}
              on: true
            """);
    StructuralSchemaValidator.Result result =
        StructuralSchemaValidator.validate(YAML.readTree(SCHEMA), object);
    assertEquals(List.of(), result.errors());
    assertEquals(1, result.celRulesSkipped());
  }

  @Test
  void rejectsUnknownFieldsOutsidePreservedObjects() throws Exception {
    assertEquals(
        List.of("spec.nmae: unknown field"), errors("spec: {name: abc, nmae: x, raw: {y: 1}}"));
  }

  @Test
  void rejectsWrongTypesEnumsAndBounds() throws Exception {
    assertEquals(
        List.of(
            "spec.name: longer than 5",
            "spec.port: above the maximum 65535",
            "spec.mode: unsupported value \"Lax\", allowed [\"Strict\",\"Optional\"]",
            "spec.size: must be an integer or a string",
            "spec.tags: more than 2 items",
            "spec.labels.a: must be of type string, got OBJECT",
            "spec.on: must be of type boolean, got STRING"),
        errors(
            """
            spec:
              name: abcdefg
              port: 70000
              mode: Lax
              size: true
              tags: [a, b, c]
              labels: {a: {b: c}}
              on: "yes"
            """));
  }

  @Test
  void reportsMissingRequiredFieldsAndPatterns() throws Exception {
    assertEquals(List.of("spec.name: Required value"), errors("spec: {port: 1}"));
    assertTrue(errors("spec: {name: ABC}").getFirst().contains("does not match"));
  }
}

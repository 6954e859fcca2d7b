package dev.agentgateway.proxy.mcp.upstream.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiCompilerTest {

  static String petstore() throws IOException {
    try (InputStream in = OpenApiCompilerTest.class.getResourceAsStream("/openapi/petstore.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonNode input(OpenApiTools tools, String name) {
    Operation op = tools.operation(name);
    assertNotNull(op, "tool " + name);
    return op.tool().get("inputSchema");
  }

  @Test
  void makesOneToolPerOperationInDocumentOrder() throws Exception {
    OpenApiTools tools = OpenApiTools.compile(petstore());
    List<String> names = tools.operations().stream().map(Operation::toolName).toList();
    assertEquals(
        List.of("listPets", "createPet", "getPet", "delete_pets_petId", "get_owners_ownerId_pets"),
        names);
    assertEquals(names.size(), tools.toolList().size());
    assertEquals("GET", tools.operation("listPets").method());
    assertEquals("/pets/{petId}", tools.operation("getPet").path());
  }

  @Test
  void describesToolsFromSummaryAndDescription() throws Exception {
    OpenApiTools tools = OpenApiTools.compile(petstore());
    assertEquals("List pets", tools.operation("listPets").tool().get("description").asText());
    assertEquals(
        "Adds a pet to the store.",
        tools.operation("createPet").tool().get("description").asText());
    assertEquals(
        "One pet\n\nFinds a pet by its id.",
        tools.operation("getPet").tool().get("description").asText());
    assertEquals(
        "GET /owners/{ownerId}/pets",
        tools.operation("get_owners_ownerId_pets").tool().get("description").asText());
  }

  @Test
  void groupsParametersByWhereTheyGoAndLeavesCookiesOut() throws Exception {
    JsonNode in = input(OpenApiTools.compile(petstore()), "listPets");
    assertEquals("object", in.get("type").asText());
    JsonNode query = in.path("properties").path("query");
    assertEquals("integer", query.path("properties").path("limit").path("type").asText());
    assertEquals(
        "at most this many", query.path("properties").path("limit").path("description").asText());
    assertEquals("array", query.path("properties").path("tag").path("type").asText());
    assertTrue(in.path("properties").path("header").path("properties").has("X-Request-Id"));
    assertFalse(in.path("properties").has("cookie"));
    assertFalse(in.has("required"), "nothing is required: " + in);
  }

  @Test
  void pathParametersComeFromThePathItemAndAreRequired() throws Exception {
    OpenApiTools tools = OpenApiTools.compile(petstore());
    JsonNode in = input(tools, "getPet");
    assertEquals("[\"path\"]", in.get("required").toString());
    assertEquals("[\"petId\"]", in.path("properties").path("path").get("required").toString());
    assertEquals(
        List.of(new Param("petId", Param.In.PATH, true)), tools.operation("getPet").params());
    // a template variable nobody declared is still a required string
    JsonNode undeclared = input(tools, "get_owners_ownerId_pets");
    assertEquals(
        "string",
        undeclared
            .path("properties")
            .path("path")
            .path("properties")
            .path("ownerId")
            .path("type")
            .asText());
  }

  @Test
  void inlinesReferencedBodiesAndCutsRecursion() throws Exception {
    OpenApiTools tools = OpenApiTools.compile(petstore());
    JsonNode in = input(tools, "createPet");
    assertEquals("[\"body\"]", in.get("required").toString());
    assertTrue(tools.operation("createPet").bodyRequired());
    JsonNode pet = in.path("properties").path("body");
    assertEquals("object", pet.path("type").asText());
    assertEquals(
        "[\"cat\",\"dog\"]",
        pet.path("properties").path("tags").path("items").path("enum").toString());
    JsonNode owner = pet.path("properties").path("owner");
    assertEquals("string", owner.path("properties").path("name").path("type").asText());
    JsonNode cycle = owner.path("properties").path("pets").path("items");
    assertTrue(
        cycle
            .path("description")
            .asText()
            .contains("recursive reference to #/components/schemas/Pet"),
        cycle.toString());
    assertFalse(in.toString().contains("$ref"), "no reference is left: " + in);
  }

  @Test
  void readsYamlAndTakesTheBasePathFromTheFirstServer() throws Exception {
    String yaml =
        """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        servers:
          - url: /v2/
        paths:
          /items/{id}:
            put:
              operationId: putItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              requestBody:
                content:
                  application/merge-patch+json:
                    schema: {type: object}
        """;
    OpenApiTools tools = OpenApiTools.compile(yaml);
    assertEquals("/v2", tools.basePath());
    assertTrue(tools.operation("putItem").body());
    assertFalse(tools.operation("putItem").bodyRequired());
    assertEquals("/api", OpenApiTools.compile(petstore()).basePath());
  }

  @Test
  void refusesWhatIsNotAnOpenApi3Document() {
    assertTrue(
        assertThrows(
                OpenApiSchemaException.class, () -> OpenApiTools.compile("{\"swagger\":\"2.0\"}"))
            .getMessage()
            .contains("not an OpenAPI 3 document"));
    assertTrue(
        assertThrows(OpenApiSchemaException.class, () -> OpenApiTools.compile("{\"openapi\": "))
            .getMessage()
            .startsWith("invalid JSON"));
    assertTrue(
        assertThrows(OpenApiSchemaException.class, () -> OpenApiTools.compile("openapi: 3.0.0\n"))
            .getMessage()
            .contains("paths"));
  }

  @Test
  void refusesAReferenceToNothingNamingIt() {
    String doc =
        """
        {"openapi":"3.0.0","paths":{"/a":{"post":{"operationId":"a","requestBody":{"content":
        {"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}
        """;
    OpenApiSchemaException e =
        assertThrows(OpenApiSchemaException.class, () -> OpenApiTools.compile(doc));
    assertTrue(e.getMessage().contains("#/components/schemas/Missing"), e.getMessage());
  }

  @Test
  void refusesAnOperationIdUsedTwice() {
    String doc =
        """
        {"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"x"},"post":{"operationId":"x"}}}}
        """;
    OpenApiSchemaException e =
        assertThrows(OpenApiSchemaException.class, () -> OpenApiTools.compile(doc));
    assertTrue(e.getMessage().contains("operationId x is used twice"), e.getMessage());
  }

  @Test
  void generatedNamesThatCollideGetANumber() throws Exception {
    String doc =
        """
        {"openapi":"3.0.0","paths":{"/a-b":{"get":{}},"/a_b":{"get":{}}}}
        """;
    assertEquals(
        List.of("get_a-b", "get_a_b"),
        OpenApiTools.compile(doc).operations().stream().map(Operation::toolName).toList());
    String same =
        """
        {"openapi":"3.0.0","paths":{"/a b":{"get":{}},"/a+b":{"get":{}}}}
        """;
    assertEquals(
        List.of("get_a_b", "get_a_b_2"),
        OpenApiTools.compile(same).operations().stream().map(Operation::toolName).toList());
  }

  @Test
  void referencesThatFanOutStopAtTheBudget() throws Exception {
    // each level refers to the next twice: 2^40 copies if nothing stopped it
    StringBuilder schemas = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      if (i > 0) {
        schemas.append(',');
      }
      schemas
          .append("\"S")
          .append(i)
          .append(
              "\":{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/components/schemas/S")
          .append(i + 1)
          .append("\"},\"b\":{\"$ref\":\"#/components/schemas/S")
          .append(i + 1)
          .append("\"}}}");
    }
    schemas.append(",\"S40\":{\"type\":\"string\"}");
    String doc =
        "{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"post\":{\"operationId\":\"a\",\"requestBody\":"
            + "{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/S0\"}}}}}}},"
            + "\"components\":{\"schemas\":{"
            + schemas
            + "}}}";
    JsonNode body = input(OpenApiTools.compile(doc), "a").path("properties").path("body");
    assertTrue(body.toString().length() < 2_000_000, "bounded: " + body.toString().length());
    assertTrue(body.toString().contains("too deep or too large"));
  }
}

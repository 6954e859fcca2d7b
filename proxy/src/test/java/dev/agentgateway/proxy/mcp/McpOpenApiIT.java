package dev.agentgateway.proxy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.PetApi;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ServerEverything;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenAPI target beside a real MCP server (server-everything over streamable HTTP) behind one
 * gateway endpoint, spoken to with raw JSON-RPC over HTTP: the API's operations show up as prefixed
 * tools next to the server's, and calling one reaches the local REST API.
 */
class McpOpenApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static PetApi api;
  private static ServerEverything everything;
  private static ProxyFixture proxy;

  @BeforeAll
  static void start() throws Exception {
    api = PetApi.start();
    everything = ServerEverything.start("streamableHttp");
    String schema = petstore();
    Backend.Mcp backend =
        new Backend.Mcp(
            "tools",
            List.of(
                new McpTarget.OpenApi(
                    "petstore", schema, new Backend.Host("127.0.0.1", api.port()), null),
                new McpTarget.Remote(
                    "everything",
                    McpTarget.Transport.STREAMABLE_HTTP,
                    new Backend.Host("127.0.0.1", everything.port()),
                    "/mcp")),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true);
    proxy =
        ProxyFixture.start(
            TestConfigs.route(
                "mcp", TestConfigs.prefix("/"), null, List.of(new RouteBackend(backend, 1)), 0));
  }

  private static String petstore() throws Exception {
    try (InputStream in = McpOpenApiIT.class.getResourceAsStream("/openapi/petstore.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (everything != null) {
      everything.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private static HttpResponse<String> post(String session, String body) throws Exception {
    return post(proxy.url("/mcp"), session, body);
  }

  private static HttpResponse<String> post(String url, String session, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON-RPC response in a JSON or SSE answer. */
  private static JsonNode rpc(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    String body = response.body().strip();
    if (body.startsWith("{")) {
      return JSON.readTree(body);
    }
    JsonNode last = null;
    for (String line : body.split("\n")) {
      if (line.startsWith("data:")) {
        JsonNode m = JSON.readTree(line.substring(5).strip());
        if (m.has("id")) {
          last = m;
        }
      }
    }
    assertTrue(last != null, "no response in " + body);
    return last;
  }

  private static String session() throws Exception {
    return session(proxy.url("/mcp"));
  }

  private static String session(String url) throws Exception {
    HttpResponse<String> init =
        post(
            url,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    JsonNode result = rpc(init).get("result");
    assertTrue(result.path("capabilities").has("tools"), result.toString());
    String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(url, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return id;
  }

  private static JsonNode call(String session, String tool, String arguments) throws Exception {
    return call(proxy.url("/mcp"), session, tool, arguments);
  }

  private static JsonNode call(String url, String session, String tool, String arguments)
      throws Exception {
    JsonNode answer =
        rpc(
            post(
                url,
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool
                    + "\",\"arguments\":"
                    + arguments
                    + "}}"));
    assertTrue(answer.has("result"), answer.toString());
    return answer.get("result");
  }

  private static String text(JsonNode result) {
    return result.path("content").path(0).path("text").asText();
  }

  @Test
  void theApisOperationsAreToolsBesideTheServersAndReachTheApiEncoded() throws Exception {
    String session = session();
    JsonNode list = rpc(post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"));
    List<String> tools = new ArrayList<>();
    list.path("result").path("tools").forEach(t -> tools.add(t.path("name").asText()));
    assertTrue(
        tools.containsAll(
            List.of(
                "petstore_listPets", "petstore_getPet", "petstore_createPet", "everything_echo")),
        tools.toString());

    JsonNode pet = call(session, "petstore_getPet", "{\"path\":{\"petId\":\"a/b c\"}}");
    assertFalse(pet.path("isError").asBoolean(), pet.toString());
    assertEquals("{\"id\":\"a/b c\",\"name\":\"Rex\"}", text(pet));
    PetApi.Seen seen = api.seen().get(api.seen().size() - 1);
    assertEquals("GET /api/pets/a%2Fb%20c", seen.method() + " " + seen.rawTarget());

    JsonNode echo = call(session, "everything_echo", "{\"message\":\"hi\"}");
    assertEquals("Echo: hi", text(echo));
  }

  @Test
  void anApiErrorStatusComesBackAsAToolError() throws Exception {
    String session = session();
    JsonNode missing = call(session, "petstore_getPet", "{\"path\":{\"petId\":\"missing\"}}");
    assertTrue(missing.path("isError").asBoolean(), missing.toString());
    assertTrue(text(missing).startsWith("HTTP 404"), text(missing));
    JsonNode boom = call(session, "petstore_getPet", "{\"path\":{\"petId\":\"boom\"}}");
    assertTrue(boom.path("isError").asBoolean(), boom.toString());
    assertEquals("HTTP 500: internal trouble", text(boom));
  }

  @Test
  void anUnknownOpenApiToolIsInvalidParams() throws Exception {
    String session = session();
    JsonNode answer =
        rpc(
            post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"petstore_nope\",\"arguments\":{}}}"));
    assertEquals(-32602, answer.path("error").path("code").asInt(), answer.toString());
    assertTrue(answer.path("error").path("message").asText().contains("nope"), answer.toString());
  }

  /** Upstream's example config shape, through the real loader: a YAML schema file and a host. */
  @Test
  void aStandaloneConfigServesTheApiAsTheOnlyTarget(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("openapi.yaml");
    Files.writeString(
        schema,
        """
        openapi: 3.0.0
        info: {title: pets, version: "1"}
        servers: [{url: "http://example.com/api"}]
        paths:
          /pets/{petId}:
            get:
              operationId: getPet
              parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
        """);
    int port = ShellTesting.freePort();
    String config =
        ShellTesting.LOOPBACK_ADMIN
            + """
            binds:
            - port: %d
              listeners:
              - routes:
                - backends:
                  - mcp:
                      targets:
                      - name: openapi
                        openapi:
                          schema:
                            file: %s
                          host: 127.0.0.1:%d
            """
                .formatted(port, schema, api.port());
    try (ProxyRuntime runtime = ShellTesting.start(ShellTesting.parse(config), null)) {
      String url = "http://127.0.0.1:" + port + "/mcp";
      String session = session(url);
      JsonNode pet = call(url, session, "getPet", "{\"path\":{\"petId\":\"x y\"}}");
      assertEquals("{\"id\":\"x y\",\"name\":\"Rex\"}", text(pet));
      PetApi.Seen seen = api.seen().get(api.seen().size() - 1);
      assertEquals("/api/pets/x%20y", seen.rawTarget());
    }
  }

  @Test
  void aServiceTargetCallsOneOfItsReadyEndpoints() throws Exception {
    Backend.Service pets = new Backend.Service("shop", "pets", 80);
    Backend.Mcp backend =
        new Backend.Mcp(
            "tools",
            List.of(new McpTarget.OpenApi("petstore", petstore(), pets, "/api")),
            Backend.Mcp.PrefixMode.CONDITIONAL,
            Backend.Mcp.FailureMode.FAIL_CLOSED,
            true);
    ServiceEndpoints ready =
        new ServiceEndpoints(
            "shop", "pets", 80, List.of(new ServiceEndpoints.Endpoint("127.0.0.1", api.port())));
    try (ProxyFixture service =
        ProxyFixture.start(
            List.of(ready),
            TestConfigs.route(
                "mcp", TestConfigs.prefix("/"), null, List.of(new RouteBackend(backend, 1)), 0))) {
      String url = service.url("/mcp");
      JsonNode pet = call(url, session(url), "getPet", "{\"path\":{\"petId\":\"7\"}}");
      assertEquals("{\"id\":\"7\",\"name\":\"Rex\"}", text(pet));

      service.endpoints(List.of(new ServiceEndpoints("shop", "pets", 80, List.of())));
      String refused =
          post(
                  url,
                  null,
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                      + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")
              .body();
      assertTrue(refused.contains("no ready endpoints for service shop/pets:80"), refused);
    }
  }

  @Test
  void listsOtherThanToolsStillMergeWithAnOpenApiTarget() throws Exception {
    String session = session();
    JsonNode prompts =
        rpc(post(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"prompts/list\"}"));
    assertTrue(
        prompts.path("result").path("prompts").toString().contains("everything_"),
        prompts.toString());
    JsonNode resources =
        rpc(post(session, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/list\"}"));
    assertTrue(resources.path("result").has("resources"), resources.toString());
  }
}

package dev.agentgateway.proxy.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentCardRewriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BACKEND = Set.of("agent.internal:8080");

  /** A client at gw.example:3000/agents/weather, forwarded to the agent's /weather. */
  private static final AgentCardRewriter WEATHER =
      AgentCardRewriter.create(
          "http",
          "gw.example:3000",
          "/agents/weather/.well-known/agent-card.json",
          "/weather/.well-known/agent-card.json",
          BACKEND);

  private static JsonNode rewrite(AgentCardRewriter rewriter, String card) throws Exception {
    byte[] out = rewriter.rewrite(card.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    return out == null ? null : JSON.readTree(out);
  }

  @Test
  void movesTheV03UrlUnderTheBackendBasePathToTheGatewayBasePath() throws Exception {
    JsonNode card =
        rewrite(
            WEATHER,
            "{'name':'weather','url':'http://agent.internal:8080/weather/jsonrpc?x=1',"
                + "'skills':[{'id':'a'}]}");
    assertEquals("http://gw.example:3000/agents/weather/jsonrpc?x=1", card.get("url").asText());
    assertEquals("weather", card.get("name").asText());
    assertEquals("a", card.get("skills").get(0).get("id").asText());
  }

  @Test
  void replacesAV03UrlElsewhereWithTheGatewayBase() throws Exception {
    JsonNode card = rewrite(WEATHER, "{'url':'https://weather.public.example/a2a'}");
    assertEquals("http://gw.example:3000/agents/weather", card.get("url").asText());
  }

  @Test
  void rewritesV10InterfacesOfTheBackendAndLeavesOtherHostsAlone() throws Exception {
    JsonNode card =
        rewrite(
            WEATHER,
            "{'supportedInterfaces':["
                + "{'url':'http://agent.internal:8080/weather/jsonrpc','protocolBinding':'JSONRPC'},"
                + "{'url':'http://AGENT.internal:8080/weather','protocolBinding':'HTTP+JSON'},"
                + "{'url':'https://grpc.other.example/weather','protocolBinding':'GRPC'},"
                + "{'url':'http://agent.internal:9090/weather/jsonrpc','protocolBinding':'JSONRPC'}]}");
    JsonNode interfaces = card.get("supportedInterfaces");
    assertEquals(
        "http://gw.example:3000/agents/weather/jsonrpc", interfaces.get(0).get("url").asText());
    assertEquals("JSONRPC", interfaces.get(0).get("protocolBinding").asText());
    assertEquals("http://gw.example:3000/agents/weather", interfaces.get(1).get("url").asText());
    assertEquals("https://grpc.other.example/weather", interfaces.get(2).get("url").asText());
    assertEquals(
        "http://agent.internal:9090/weather/jsonrpc", interfaces.get(3).get("url").asText());
  }

  @Test
  void rewritesV03AdditionalInterfacesLikeV10Ones() throws Exception {
    JsonNode card =
        rewrite(
            WEATHER,
            "{'url':'http://agent.internal:8080/weather','additionalInterfaces':["
                + "{'url':'http://agent.internal:8080/weather/rest','transport':'HTTP+JSON'}]}");
    assertEquals("http://gw.example:3000/agents/weather", card.get("url").asText());
    assertEquals(
        "http://gw.example:3000/agents/weather/rest",
        card.get("additionalInterfaces").get(0).get("url").asText());
  }

  @Test
  void stripsTheBasePathOnlyByWholeSegments() throws Exception {
    JsonNode card =
        rewrite(
            WEATHER,
            "{'supportedInterfaces':[{'url':'http://agent.internal:8080/weather-v2/jsonrpc'},"
                + "{'url':'http://agent.internal:8080/weather/v2/jsonrpc'}]}");
    JsonNode interfaces = card.get("supportedInterfaces");
    assertEquals(
        "http://agent.internal:8080/weather-v2/jsonrpc", interfaces.get(0).get("url").asText());
    assertEquals(
        "http://gw.example:3000/agents/weather/v2/jsonrpc", interfaces.get(1).get("url").asText());
  }

  @Test
  void anchorsEveryPathOfAnAgentAtTheRootUnderTheGatewayBase() throws Exception {
    AgentCardRewriter rootAgent =
        AgentCardRewriter.create(
            "https",
            "gw.example",
            "/agents/weather/.well-known/agent.json",
            "/.well-known/agent.json",
            BACKEND);
    JsonNode card =
        rewrite(
            rootAgent,
            "{'url':'http://agent.internal:8080/','supportedInterfaces':["
                + "{'url':'http://agent.internal:8080/jsonrpc'},{'url':'/rest'}]}");
    assertEquals("https://gw.example/agents/weather/", card.get("url").asText());
    assertEquals(
        "https://gw.example/agents/weather/jsonrpc",
        card.get("supportedInterfaces").get(0).get("url").asText());
    assertEquals(
        "https://gw.example/agents/weather/rest",
        card.get("supportedInterfaces").get(1).get("url").asText());
  }

  @Test
  void servesAnAgentAtTheGatewayRootWithASlashPath() throws Exception {
    AgentCardRewriter atRoot =
        AgentCardRewriter.create(
            "http",
            "gw.example",
            "/.well-known/agent-card.json",
            "/.well-known/agent-card.json",
            BACKEND);
    JsonNode card = rewrite(atRoot, "{'url':'http://agent.internal:8080'}");
    assertEquals("http://gw.example/", card.get("url").asText());
  }

  @Test
  void matchesTheBackendOnItsDefaultPortWhenTheUrlOmitsIt() throws Exception {
    AgentCardRewriter onPort80 =
        AgentCardRewriter.create(
            "http",
            "gw.example",
            "/a/.well-known/agent-card.json",
            "/.well-known/agent-card.json",
            Set.of(AgentCardRewriter.authority("http", "agent", 80)));
    JsonNode card = rewrite(onPort80, "{'supportedInterfaces':[{'url':'http://agent/rpc'}]}");
    assertEquals(
        "http://gw.example/a/rpc", card.get("supportedInterfaces").get(0).get("url").asText());
  }

  @Test
  void keepsInterfaceUrlsWhenTheForwardedPathIsNoCardPath() throws Exception {
    AgentCardRewriter renamed =
        AgentCardRewriter.create(
            "http", "gw.example", "/a/.well-known/agent-card.json", "/card", BACKEND);
    JsonNode card =
        rewrite(
            renamed,
            "{'url':'http://agent.internal:8080/x','supportedInterfaces':["
                + "{'url':'http://agent.internal:8080/x'}]}");
    assertEquals("http://gw.example/a", card.get("url").asText());
    assertEquals(
        "http://agent.internal:8080/x", card.get("supportedInterfaces").get(0).get("url").asText());
  }

  @Test
  void leavesAnythingButAChangedJsonObjectToTheCaller() throws Exception {
    assertNull(rewrite(WEATHER, "not json"));
    assertNull(rewrite(WEATHER, "['http://agent.internal:8080/weather']"));
    assertNull(rewrite(WEATHER, "{'name':'no urls'}"));
    assertNull(rewrite(WEATHER, "{'supportedInterfaces':[{'url':'https://elsewhere.example/'}]}"));
  }
}

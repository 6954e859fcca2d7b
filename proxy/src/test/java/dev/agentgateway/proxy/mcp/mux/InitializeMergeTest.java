package dev.agentgateway.proxy.mcp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitializeMergeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mergesCapabilitiesKeepsTheOldestVersionAndNamesTheGateway() throws Exception {
    Map<String, JsonNode> results = new LinkedHashMap<>();
    results.put(
        "a",
        JSON.readTree(
            """
            {"protocolVersion":"2025-06-18","capabilities":{"tools":{"listChanged":false},
             "logging":{}},"serverInfo":{"name":"a","version":"1"},"instructions":"use a"}"""));
    results.put(
        "b",
        JSON.readTree(
            """
            {"protocolVersion":"2025-03-26","capabilities":{"tools":{"listChanged":true},
             "resources":{"subscribe":true}},"serverInfo":{"name":"b","version":"2"}}"""));
    JsonNode merged = InitializeMerge.merge(results, "0.1.0");
    assertEquals(
        JSON.readTree(
            """
            {"protocolVersion":"2025-03-26",
             "capabilities":{"tools":{"listChanged":true},"logging":{},"resources":{"subscribe":true}},
             "serverInfo":{"name":"agentgateway","version":"0.1.0"},
             "instructions":"a: use a"}"""),
        merged);
  }

  @Test
  void aSingleTargetsInstructionsAreNotLabelled() throws Exception {
    JsonNode merged =
        InitializeMerge.merge(
            Map.of(
                "only",
                JSON.readTree("{\"protocolVersion\":\"2025-06-18\",\"instructions\":\"hi\"}")),
            "1");
    assertEquals("hi", merged.get("instructions").asText());
  }
}

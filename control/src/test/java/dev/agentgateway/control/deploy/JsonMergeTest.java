package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonMergeTest {
  @Test
  void strategicMergeMergesObjectsAndNamedListsAndHonoursDirectives() {
    JsonNode target =
        json(
            """
            {"a": {"b": 1, "c": 2}, "keep": true, "gone": 1,
             "items": [{"name": "x", "v": 1}, {"name": "y", "v": 2}],
             "plain": [1, 2], "swap": {"p": 1, "q": 2}}
            """);
    JsonNode patch =
        json(
            """
            {"a": {"c": 3}, "gone": null,
             "items": [{"name": "y", "w": 3}, {"name": "x", "$patch": "delete"}, {"name": "z"}],
             "plain": [9], "swap": {"$patch": "replace", "r": 1}}
            """);
    assertEquals(
        json(
            """
            {"a": {"b": 1, "c": 3}, "keep": true,
             "items": [{"name": "y", "v": 2, "w": 3}, {"name": "z"}],
             "plain": [9], "swap": {"r": 1}}
            """),
        JsonMerge.strategicMerge(target, patch));
  }

  @Test
  void deleteDirectiveOnAnObjectRemovesIt() {
    assertEquals(
        json("{\"b\": 1}"),
        JsonMerge.strategicMerge(
            json("{\"a\": {\"x\": 1}, \"b\": 1}"), json("{\"a\": {\"$patch\": \"delete\"}}")));
  }

  @Test
  void deepMergeReplacesListsAndScalars() {
    assertEquals(
        json("{\"a\": {\"b\": 1, \"c\": [2]}, \"d\": 4}"),
        JsonMerge.deepMerge(
            json("{\"a\": {\"b\": 1, \"c\": [1]}, \"d\": 3}"),
            json("{\"a\": {\"c\": [2]}, \"d\": 4}")));
  }

  private static JsonNode json(String text) {
    return Fixtures.read(text, JsonNode.class);
  }
}

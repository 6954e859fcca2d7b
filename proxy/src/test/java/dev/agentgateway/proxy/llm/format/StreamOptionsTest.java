package dev.agentgateway.proxy.llm.format;

import static dev.agentgateway.proxy.llm.format.Fixtures.assertJson;
import static dev.agentgateway.proxy.llm.format.Fixtures.parse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StreamOptionsTest {

  @Test
  void injectsIncludeUsageIntoAStreamedRequestWithoutStreamOptions() {
    ObjectNode request = (ObjectNode) parse("{\"stream\":true,\"messages\":[]}");
    assertFalse(StreamOptions.requestUsage(request));
    assertJson(
        parse("{\"stream\":true,\"messages\":[],\"stream_options\":{\"include_usage\":true}}"),
        request);
  }

  @Test
  void keepsOtherStreamOptionsAndReportsWhenTheClientAskedItself() {
    ObjectNode other =
        (ObjectNode) parse("{\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}");
    assertFalse(StreamOptions.requestUsage(other));
    assertJson(
        parse("{\"include_obfuscation\":false,\"include_usage\":true}"),
        other.get("stream_options"));
    ObjectNode asked =
        (ObjectNode) parse("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertTrue(StreamOptions.requestUsage(asked));
  }

  @Test
  void leavesNonStreamedRequestsAlone() {
    ObjectNode request = (ObjectNode) parse("{\"messages\":[]}");
    assertFalse(StreamOptions.requestUsage(request));
    assertJson(parse("{\"messages\":[]}"), request);
  }
}

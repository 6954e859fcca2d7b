package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.format.EventSink;
import dev.agentgateway.proxy.llm.format.StreamListener;
import dev.agentgateway.proxy.llm.format.StreamTranslator;
import dev.agentgateway.proxy.llm.format.UsageReader;
import java.io.IOException;

/**
 * Relays an OpenAI Responses stream unchanged to a Responses client (an OpenAI provider speaks the
 * client's API), reading only the first output delta and the usage of the final event. A stream cut
 * before its final event ends with one {@code error} event.
 */
final class ResponsesPassthroughStream implements StreamTranslator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StreamListener listener;
  private TokenUsage usage = TokenUsage.NONE;
  private boolean outputStarted;
  private boolean completed;
  private boolean ended;

  ResponsesPassthroughStream(StreamListener listener) {
    this.listener = listener;
  }

  @Override
  public void onEvent(String type, String data, EventSink out) {
    if (ended) {
      return;
    }
    out.emit("message".equals(type) ? null : type, data);
    if (!outputStarted && type.endsWith(".delta")) {
      outputStarted = true;
      listener.firstOutput();
    }
    switch (type) {
      case "response.completed", "response.incomplete", "response.failed" -> {
        readUsage(data);
        completed = true;
        ended = true;
      }
      case "error" -> ended = true;
      default -> {}
    }
  }

  private void readUsage(String data) {
    try {
      JsonNode usageNode = JSON.readTree(data).path("response").get("usage");
      TokenUsage seen = UsageReader.openAi(usageNode);
      if (!seen.isEmpty()) {
        usage = usage.merge(seen);
        listener.usage(usage);
      }
    } catch (IOException e) {
      // the event went to the client as it was; only its usage is lost
    }
  }

  @Override
  public void onEnd(EventSink out) {
    onFailure("the provider's stream ended before the answer was complete", out);
  }

  @Override
  public void onFailure(String reason, EventSink out) {
    if (ended) {
      return;
    }
    ended = true;
    ObjectNode event = JSON.createObjectNode().put("type", "error").put("code", "server_error");
    event.put("message", reason);
    event.putNull("param");
    out.emit("error", event.toString());
  }

  @Override
  public TokenUsage usage() {
    return usage;
  }

  @Override
  public boolean outputStarted() {
    return outputStarted;
  }

  @Override
  public boolean completed() {
    return completed;
  }
}

package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls a guard service over the Guardrail Webhook API (v0.1.0, the contract upstream speaks).
 *
 * <ul>
 *   <li>Request guard: {@code POST <target>/request} with {@code {"body":{"messages":[{"role",
 *       "content"}]}}}.
 *   <li>Response guard: {@code POST <target>/response} with {@code {"body":{"choices":[{"message":
 *       {"role","content"}}]}}}.
 *   <li>Reply {@code {"action":{...}}}, told apart by shape as upstream does: a {@code body} object
 *       is a mask (the same number of messages or choices, in order), a {@code status_code} (with a
 *       string {@code body}) is a reject, anything else (e.g. {@code {}}, {@code {"reason":..}}) is
 *       a pass.
 * </ul>
 *
 * A connection error, timeout, non-2xx reply, unreadable reply or mask of the wrong length is a
 * failure: {@code failOpen} passes, {@code failClosed} rejects with 500.
 */
public final class WebhookGuard {
  /** The status a failed-closed call answers the client with. */
  public static final int FAILED_CLOSED_STATUS = 500;

  private final Webhook config;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();
  private final URI requestUri;
  private final URI responseUri;

  /** A guard calling {@code config.target()} through {@code client} (shared; it pools). */
  public WebhookGuard(Webhook config, HttpClient client) {
    this.config = config;
    this.client = client;
    String base = config.target().toString().replaceAll("/+$", "");
    this.requestUri = URI.create(base + "/request");
    this.responseUri = URI.create(base + "/response");
  }

  /** The configuration. */
  public Webhook config() {
    return config;
  }

  /** Checks request texts; {@code headers} are added to the call (CEL and forwarded ones). */
  public WebhookVerdict checkRequest(List<GuardMessage> messages, Map<String, String> headers) {
    ObjectNode body = json.createObjectNode();
    ArrayNode list = body.putObject("body").putArray("messages");
    for (GuardMessage m : messages) {
      list.addObject().put("role", m.role()).put("content", m.content());
    }
    return call(requestUri, body, headers, messages.size(), false);
  }

  /** Checks response texts, one choice each. */
  public WebhookVerdict checkResponse(List<GuardMessage> choices, Map<String, String> headers) {
    ObjectNode body = json.createObjectNode();
    ArrayNode list = body.putObject("body").putArray("choices");
    for (GuardMessage m : choices) {
      list.addObject().putObject("message").put("role", m.role()).put("content", m.content());
    }
    return call(responseUri, body, headers, choices.size(), true);
  }

  private WebhookVerdict call(
      URI uri, ObjectNode body, Map<String, String> headers, int sent, boolean choices) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(config.timeout())
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      headers.forEach(request::setHeader);
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        return failed("webhook answered HTTP " + response.statusCode());
      }
      return parse(json.readTree(response.body()), sent, choices);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted");
    } catch (IOException | IllegalArgumentException e) {
      // The message names the failure (timeout, refused, bad JSON); it carries no request content.
      return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private WebhookVerdict parse(JsonNode reply, int sent, boolean choices) {
    JsonNode action = reply.path("action");
    if (!action.isObject()) {
      return failed("webhook reply has no action object");
    }
    String reason = action.path("reason").isTextual() ? action.path("reason").asText() : null;
    JsonNode body = action.get("body");
    if (body != null && body.isObject()) {
      List<GuardMessage> messages = new ArrayList<>();
      for (JsonNode item : body.path(choices ? "choices" : "messages")) {
        JsonNode m = choices ? item.path("message") : item;
        messages.add(new GuardMessage(m.path("role").asText(""), m.path("content").asText("")));
      }
      if (messages.size() != sent) {
        return failed("webhook mask returned " + messages.size() + " texts for " + sent + " sent");
      }
      return new WebhookVerdict.Mask(messages, reason);
    }
    if (action.has("status_code")) {
      int status = action.path("status_code").asInt(0);
      if (status < 100 || status > 999) {
        return failed("webhook reject has an invalid status_code");
      }
      return new WebhookVerdict.Reject(status, action.path("body").asText(""), reason);
    }
    return new WebhookVerdict.Pass(reason);
  }

  private WebhookVerdict failed(String why) {
    return config.failureMode() == FailureMode.FAIL_OPEN
        ? new WebhookVerdict.Pass("webhook failed open: " + why)
        : new WebhookVerdict.Reject(FAILED_CLOSED_STATUS, "guardrail webhook failed", why);
  }
}

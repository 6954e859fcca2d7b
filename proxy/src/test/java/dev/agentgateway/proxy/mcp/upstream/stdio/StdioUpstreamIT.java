package dev.agentgateway.proxy.mcp.upstream.stdio;

import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.TIMEOUT;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.everything;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.handshake;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.json;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.Recorder;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** StdioUpstream against the real server-everything, run by node over stdio. */
@Timeout(120)
class StdioUpstreamIT {
  private final StdioProcesses processes = new StdioProcesses(false);
  private final Recorder listener = new Recorder();
  private final Requests requests = new Requests();

  @AfterEach
  void stopChildren() {
    processes.close();
  }

  private StdioUpstream open(McpTarget.Stdio target) throws McpTransportException {
    return StdioUpstream.open(target, processes, listener);
  }

  private List<String> toolNames(StdioUpstream upstream) throws McpTransportException {
    JsonRpcMessage reply = upstream.call(requests.request("tools/list", "{}"), TIMEOUT, m -> {});
    JsonNode tools = assertInstanceOf(JsonRpcMessage.Response.class, reply).result().get("tools");
    return StreamSupport.stream(tools.spliterator(), false)
        .map(t -> t.get("name").asText())
        .toList();
  }

  @Test
  void initializesAndListsTheServersTools() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      JsonRpcMessage init = handshake(upstream, requests);
      JsonNode result = assertInstanceOf(JsonRpcMessage.Response.class, init).result();
      assertEquals("2025-06-18", result.get("protocolVersion").asText());
      assertTrue(result.path("capabilities").has("tools"));
      assertNull(upstream.sessionId());
      List<String> tools = toolNames(upstream);
      assertTrue(tools.contains("echo"), tools::toString);
      assertTrue(tools.contains("trigger-sampling-request"), tools::toString);
    }
  }

  @Test
  void callsATool() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      JsonRpcMessage reply =
          upstream.call(requests.callTool("echo", "{\"message\":\"hi there\"}"), TIMEOUT, m -> {});
      assertEquals("Echo: hi there", text(reply));
    }
  }

  @Test
  void deliversProgressToItsCallBeforeTheResponse() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      String tool =
          toolNames(upstream).stream().filter(n -> n.contains("long-running")).findFirst().get();
      List<JsonRpcMessage> related = new CopyOnWriteArrayList<>();
      JsonRpcMessage.Request call =
          requests.request(
              "tools/call",
              "{\"name\":\""
                  + tool
                  + "\",\"arguments\":{\"duration\":0.6,\"steps\":3},"
                  + "\"_meta\":{\"progressToken\":\"tok-1\"}}");
      JsonRpcMessage reply = upstream.call(call, TIMEOUT, related::add);
      assertTrue(text(reply).contains("Long running operation completed"), text(reply));
      // Everything the server sent for the call was handed over before call() returned.
      assertEquals(3, related.size(), related::toString);
      for (int i = 0; i < 3; i++) {
        var progress = assertInstanceOf(JsonRpcMessage.Notification.class, related.get(i));
        assertEquals("notifications/progress", progress.method());
        assertEquals("tok-1", progress.params().get("progressToken").asText());
        assertEquals(i + 1, progress.params().get("progress").asInt());
      }
      assertTrue(
          listener.messages.stream()
              .noneMatch(
                  m ->
                      m instanceof JsonRpcMessage.Notification n
                          && n.method().equals("notifications/progress")));
    }
  }

  @Test
  void routesAServerRequestToTheOnlyCallInFlightAndTakesTheAnswer() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      List<JsonRpcMessage> related = new CopyOnWriteArrayList<>();
      JsonRpcMessage reply =
          upstream.call(
              requests.callTool("trigger-sampling-request", "{\"prompt\":\"hello\"}"),
              TIMEOUT,
              m -> {
                related.add(m);
                if (m instanceof JsonRpcMessage.Request r
                    && r.method().equals("sampling/createMessage")) {
                  answer(upstream, r);
                }
              });
      assertTrue(text(reply).contains("sampled by the test"), text(reply));
      assertTrue(
          related.stream()
              .anyMatch(
                  m ->
                      m instanceof JsonRpcMessage.Request r
                          && r.method().equals("sampling/createMessage")),
          related::toString);
    }
  }

  @Test
  void givesAServerRequestToTheListenerWhenSeveralCallsAreInFlight() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      var slow =
          requests.callTool("trigger-long-running-operation", "{\"duration\":60,\"steps\":1}");
      CompletableFuture.runAsync(() -> callQuietly(upstream, slow, m -> {}));
      awaitPending(upstream);
      List<JsonRpcMessage> related = new CopyOnWriteArrayList<>();
      var sampling =
          CompletableFuture.supplyAsync(
              () ->
                  callQuietly(
                      upstream,
                      requests.callTool("trigger-sampling-request", "{\"prompt\":\"x\"}"),
                      related::add));
      // Notifications (list changes after initialized) may come first.
      JsonRpcMessage asked;
      do {
        asked = listener.messages.poll(30, TimeUnit.SECONDS);
      } while (asked instanceof JsonRpcMessage.Notification);
      var request = assertInstanceOf(JsonRpcMessage.Request.class, asked);
      assertEquals("sampling/createMessage", request.method());
      answer(upstream, request);
      assertTrue(text(sampling.get()).contains("sampled by the test"));
      assertEquals(List.of(), related);
    }
  }

  @Test
  void matchesConcurrentCallsToTheirOwnResponses() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()));
        var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      handshake(upstream, requests);
      List<Future<JsonRpcMessage>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        var call = requests.callTool("echo", "{\"message\":\"m" + i + "\"}");
        replies.add(threads.submit(() -> upstream.call(call, TIMEOUT, m -> {})));
      }
      for (int i = 0; i < 20; i++) {
        assertEquals("Echo: m" + i, text(replies.get(i).get()));
      }
    }
  }

  private static JsonRpcMessage callQuietly(
      StdioUpstream upstream, JsonRpcMessage.Request request, Consumer<JsonRpcMessage> related) {
    try {
      return upstream.call(request, Duration.ofSeconds(90), related);
    } catch (McpTransportException e) {
      return null;
    }
  }

  private static void answer(StdioUpstream upstream, JsonRpcMessage.Request sampling) {
    try {
      upstream.send(
          new JsonRpcMessage.Response(
              sampling.id(),
              json(
                  """
                  {"role":"assistant","content":{"type":"text","text":"sampled by the test"},
                   "model":"test-model","stopReason":"endTurn"}""")));
    } catch (McpTransportException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void failsACallThatIsNotAnsweredInTimeAndStaysUsable() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      var slow =
          requests.callTool("trigger-long-running-operation", "{\"duration\":5,\"steps\":1}");
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> upstream.call(slow, Duration.ofMillis(200), m -> {}));
      assertTrue(e.getMessage().contains("no response to 'tools/call'"), e.getMessage());
      assertEquals(
          "Echo: still here",
          text(
              upstream.call(
                  requests.callTool("echo", "{\"message\":\"still here\"}"), TIMEOUT, m -> {})));
    }
  }

  @Test
  void passesTheTargetsEnvironmentOnTopOfTheProxys() throws Exception {
    var env = List.of(new McpTarget.EnvVar("AGW_STDIO_TEST_VAR", "from-the-target"));
    try (StdioUpstream upstream = open(everything("everything", env))) {
      handshake(upstream, requests);
      JsonNode childEnv =
          json(text(upstream.call(requests.callTool("get-env", "{}"), TIMEOUT, m -> {})));
      assertEquals("from-the-target", childEnv.path("AGW_STDIO_TEST_VAR").asText());
      assertEquals(System.getenv("PATH"), childEnv.path("PATH").asText());
    }
  }

  @Test
  void failsCallsInFlightWhenTheChildDiesThenRestartsItAndReplaysTheHandshake() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      handshake(upstream, requests);
      ProcessHandle first = upstream.child().orElseThrow();
      var slow =
          requests.callTool("trigger-long-running-operation", "{\"duration\":60,\"steps\":1}");
      CompletableFuture<Throwable> inFlight =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  upstream.call(slow, Duration.ofSeconds(90), m -> {});
                  return null;
                } catch (McpTransportException e) {
                  return e;
                }
              });
      // The progress-less call is in flight once the server has it; wait until it is pending.
      awaitPending(upstream);
      first.destroyForcibly();

      Throwable failure = inFlight.get();
      assertInstanceOf(McpTransportException.class, failure);
      assertTrue(failure.getMessage().contains("killed by signal 9"), failure.getMessage());

      // Waits for the restart and the replayed initialize and initialized, then goes through.
      assertEquals(
          "Echo: again",
          text(
              upstream.call(
                  requests.callTool("echo", "{\"message\":\"again\"}"), TIMEOUT, m -> {})));
      assertNotEquals(first.pid(), upstream.child().orElseThrow().pid());
      // The sampling tool only exists once the server saw our capabilities and initialized.
      assertTrue(toolNames(upstream).contains("trigger-sampling-request"));
    }
  }

  /** Waits until the upstream has a call waiting for an answer (no timing involved). */
  private static void awaitPending(StdioUpstream upstream) throws InterruptedException {
    while (upstream.callsInFlight() == 0) {
      Thread.sleep(10);
    }
  }

  @Test
  void refusesACommandThatDoesNotExistNamingIt() {
    var target =
        new McpTarget.Stdio("missing", "agw-no-such-command-here", List.of("x"), List.of());
    McpTransportException e = assertThrows(McpTransportException.class, () -> open(target));
    assertTrue(e.getMessage().contains("'agw-no-such-command-here'"), e.getMessage());
    assertTrue(e.getMessage().contains("stdio target 'missing'"), e.getMessage());
    assertEquals(List.of(), processes.children());
  }

  @Test
  void restartsACrashingChildWithGrowingDelays() throws Exception {
    var target = new McpTarget.Stdio("crashy", "node", List.of("-e", "process.exit(3)"), List.of());
    try (LogCapture log = new LogCapture();
        StdioUpstream upstream = open(target)) {
      for (String delay : List.of("100", "200", "400")) {
        log.await(
            l ->
                l.startsWith("WARNING [crashy] process")
                    && l.endsWith("exited with code 3; restarting in " + delay + " ms"));
      }
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> upstream.call(requests.request("ping", null), Duration.ofMillis(200), m -> {}));
      assertTrue(e.getMessage().startsWith("stdio target 'crashy': "), e.getMessage());
    }
  }

  @Test
  void refusesANonPositiveTimeout() throws Exception {
    try (StdioUpstream upstream = open(everything("everything", List.of()))) {
      assertThrows(
          IllegalArgumentException.class,
          () -> upstream.call(requests.request("ping", null), Duration.ZERO, m -> {}));
    }
  }

  @Test
  void skipsStdoutLinesThatAreNotJsonRpc() throws Exception {
    // A minimal server of node built-ins: prints junk, then answers each request with its method.
    String script =
        """
        process.stdout.write('starting up, not JSON\\n{"jsonrpc":"2.0"}\\n');
        require('readline').createInterface({input: process.stdin}).on('line', l => {
          const m = JSON.parse(l);
          if (m.id !== undefined) {
            process.stdout.write(JSON.stringify({jsonrpc: '2.0', id: m.id,
                result: {method: m.method, params: m.params}}) + '\\n');
          }
        });
        """;
    var target = new McpTarget.Stdio("junk", "node", List.of("-e", script), List.of());
    try (LogCapture log = new LogCapture();
        StdioUpstream upstream = open(target)) {
      var request = requests.request("anything", "{\"text\":\"a\\nb\"}");
      var reply =
          assertInstanceOf(JsonRpcMessage.Response.class, upstream.call(request, TIMEOUT, m -> {}));
      assertEquals(request.id(), reply.id());
      assertEquals("a\nb", reply.result().path("params").path("text").asText());
      assertEquals(List.of(), new ArrayList<>(listener.messages));
      log.await(
          l -> l.startsWith("WARNING [junk] skipped a stdout line") && l.contains("not JSON"));
      log.await(
          l ->
              l.startsWith("WARNING [junk] skipped a stdout line")
                  && l.contains("exactly one of result and error"));
    }
  }

  @Test
  void copiesStderrToTheLogUnderTheTargetsName() throws Exception {
    try (LogCapture log = new LogCapture();
        StdioUpstream upstream = open(everything("chatty", List.of()))) {
      // server-everything announces itself on stderr when it starts.
      String line = log.await(l -> l.contains("Starting default (STDIO) server"));
      assertEquals("INFO [chatty] Starting default (STDIO) server...", line);
    }
  }
}

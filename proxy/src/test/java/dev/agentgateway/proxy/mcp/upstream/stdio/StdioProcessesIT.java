package dev.agentgateway.proxy.mcp.upstream.stdio;

import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.everything;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.everythingWithGrandchild;
import static dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.handshake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.Recorder;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioTesting.Requests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No child left behind: closing a session or the registry stops children and grandchildren. */
@Timeout(120)
class StdioProcessesIT {
  private final StdioProcesses processes = new StdioProcesses(false);
  private final List<ProcessHandle> seen = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    processes.close();
    seen.forEach(ProcessHandle::destroyForcibly);
  }

  /** The child and its descendants, once the child answered (so its shell started the sleep). */
  private List<ProcessHandle> tree(StdioUpstream upstream) throws McpTransportException {
    handshake(upstream, new Requests());
    ProcessHandle child = upstream.child().orElseThrow();
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(child);
    child.descendants().forEach(tree::add);
    seen.addAll(tree);
    return tree;
  }

  private static void assertAllGone(List<ProcessHandle> tree) {
    for (ProcessHandle p : tree) {
      assertFalse(ProcessTrees.running(p), () -> "still running: " + p.pid() + " " + p.info());
    }
  }

  @Test
  void closingASessionStopsItsChildAndTheChildsDescendants() throws Exception {
    StdioUpstream upstream =
        StdioUpstream.open(everythingWithGrandchild("tree"), processes, new Recorder());
    List<ProcessHandle> tree = tree(upstream);
    assertEquals(2, tree.size(), "node and the sleep it inherited from its shell");
    upstream.close();
    assertAllGone(tree);
    assertEquals(List.of(), processes.children());
  }

  @Test
  void closingTheRegistryStopsEveryChildAndRefusesNewOnes() throws Exception {
    var a = StdioUpstream.open(everythingWithGrandchild("a"), processes, new Recorder());
    var b = StdioUpstream.open(everything("b", List.of()), processes, new Recorder());
    List<ProcessHandle> all = new ArrayList<>(tree(a));
    all.addAll(tree(b));
    assertEquals(2, processes.children().size());

    processes.close();

    assertAllGone(all);
    assertTrue(processes.children().isEmpty());
    McpTransportException refused =
        assertThrows(
            McpTransportException.class,
            () -> StdioUpstream.open(everything("c", List.of()), processes, new Recorder()));
    assertTrue(refused.getMessage().contains("shutting down"), refused.getMessage());
    // The sessions learn it on their next call rather than waiting for a restart.
    McpTransportException stopped =
        assertThrows(
            McpTransportException.class,
            () -> a.call(new Requests().request("ping", null), StdioTesting.TIMEOUT, m -> {}));
    assertTrue(stopped.getMessage().contains("stdio target 'a'"), stopped.getMessage());
  }
}

package dev.agentgateway.proxy.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodePeersTest {
  @Test
  void startsTheReferenceMcpServerOverStdio() throws Exception {
    try (NodePeers.Peer peer =
        NodePeers.start(
            "server-everything-probe", Map.of(), false, NodePeers.SERVER_EVERYTHING, "stdio")) {
      OutputStream in = peer.process().getOutputStream();
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                  + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(peer.process().getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.contains("\"serverInfo\""), line);
    }
  }
}

package dev.agentgateway.proxy.mcp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentgateway.model.ir.Backend;
import org.junit.jupiter.api.Test;

class NamesAndIdsTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void prefixesOnlyWhenTheModeSaysSo() {
    assertFalse(Names.prefixed(Backend.Mcp.PrefixMode.CONDITIONAL, 1));
    assertTrue(Names.prefixed(Backend.Mcp.PrefixMode.CONDITIONAL, 2));
    assertTrue(Names.prefixed(Backend.Mcp.PrefixMode.ALWAYS, 1));
    assertFalse(Names.prefixed(Backend.Mcp.PrefixMode.NEVER, 3));
  }

  @Test
  void splitsToolNamesAtTheFirstUnderscore() {
    String q = Names.qualify("time", "get_current_time");
    assertEquals("time_get_current_time", q);
    assertEquals("time", Names.targetOf(q));
    assertEquals("get_current_time", Names.unqualified(q));
    assertNull(Names.targetOf("plain"));
    assertNull(Names.targetOf("_leading"));
  }

  @Test
  void qualifiesUrisBeforeTheirScheme() {
    String q = Names.qualifyUri("svc", "file:///x+y");
    assertEquals("svc+file:///x+y", q);
    assertEquals("svc", Names.targetOfUri(q));
    assertEquals("file:///x+y", Names.unqualifiedUri(q));
    assertNull(Names.targetOfUri("file:///a+b"), "a + after the scheme is part of the URI");
  }

  @Test
  void serverRequestIdsLeadBackToTheirTargetWithTheirType() {
    var numeric =
        ServerRequestIds.fromClient(ServerRequestIds.toClient("weather", NODES.numberNode(42)));
    assertEquals("weather", numeric.target());
    assertEquals(NODES.numberNode(42L), numeric.id());
    var text = ServerRequestIds.fromClient(ServerRequestIds.toClient("a", NODES.textNode("x_y_1")));
    assertEquals("a", text.target());
    assertEquals(NODES.textNode("x_y_1"), text.id());
    assertEquals("agw_a_s_x_y_1", ServerRequestIds.toClient("a", NODES.textNode("x_y_1")).asText());
  }

  @Test
  void idsTheGatewayDidNotGiveOutAreNotMapped() {
    assertNull(ServerRequestIds.fromClient(NODES.numberNode(1)));
    assertNull(ServerRequestIds.fromClient(NODES.textNode("client-7")));
    assertNull(ServerRequestIds.fromClient(NODES.textNode("agw_a_x_1")));
    assertNull(ServerRequestIds.fromClient(NODES.textNode("agw_a_n_notanumber")));
    assertNull(ServerRequestIds.fromClient(NODES.textNode("agw__n_1")));
  }
}

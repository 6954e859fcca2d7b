package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.llm.format.ClientFormat;
import dev.agentgateway.proxy.llm.provider.RouteType;
import org.junit.jupiter.api.Test;

class ClientRouteTest {
  @Test
  void findsTheApiByThePathsSuffixUnderAnyPrefix() {
    assertEquals(RouteType.COMPLETIONS, ClientRoute.of("/v1/chat/completions").route());
    assertEquals(ClientFormat.OPENAI_CHAT, ClientRoute.of("/team/v1/chat/completions").client());
    assertEquals(ClientFormat.ANTHROPIC_MESSAGES, ClientRoute.of("/v1/messages").client());
    assertEquals(ClientFormat.OPENAI_RESPONSES, ClientRoute.of("/v1/responses/").client());
    assertEquals(RouteType.EMBEDDINGS, ClientRoute.of("/v1/embeddings").route());
    assertEquals(RouteType.MODELS, ClientRoute.of("/openai/v1/models").route());
  }

  @Test
  void tokenCountingIsNotTakenForMessages() {
    ClientRoute count = ClientRoute.of("/v1/messages/count_tokens");
    assertEquals(RouteType.ANTHROPIC_TOKEN_COUNT, count.route());
    assertNull(count.client());
    assertTrue(count.anthropicErrors());
  }

  @Test
  void otherPathsNameNoApi() {
    assertNull(ClientRoute.of("/"));
    assertNull(ClientRoute.of("/v1/chat"));
    assertNull(ClientRoute.of("/v1/chat/completions/extra"));
  }
}

package dev.agentgateway.proxy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenUsageTest {

  @Test
  void totalIsInputPlusOutput() {
    assertEquals(150, new TokenUsage(100, 20, 5, 50, 10, 75).total());
  }

  @Test
  void plusAddsEveryCount() {
    TokenUsage sum = new TokenUsage(1, 2, 3, 4, 5, 6).plus(new TokenUsage(10, 20, 30, 40, 50, 60));
    assertEquals(new TokenUsage(11, 22, 33, 44, 55, 66), sum);
  }

  @Test
  void mergeKeepsEarlierFieldsALaterCumulativeReportLeavesOut() {
    // Anthropic: input at message_start, output at message_delta
    TokenUsage start = new TokenUsage(500, 400, 0, 1, 0, 100);
    TokenUsage delta = new TokenUsage(0, 0, 0, 89, 0, 0);
    assertEquals(new TokenUsage(500, 400, 0, 89, 0, 100), start.merge(delta));
  }

  @Test
  void refusesNegativeCounts() {
    assertThrows(IllegalArgumentException.class, () -> new TokenUsage(-1, 0, 0, 0, 0, 0));
    assertTrue(TokenUsage.NONE.isEmpty());
  }
}

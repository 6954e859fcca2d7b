package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamingMaskerTest {
  private static final RegexGuard ALL =
      RegexGuard.compile(
          new RegexRules(
              RegexAction.MASK,
              List.of(
                  RegexRule.of(Builtin.CREDIT_CARD),
                  RegexRule.of(Builtin.SSN),
                  RegexRule.of(Builtin.EMAIL),
                  RegexRule.of(Builtin.PHONE_NUMBER),
                  RegexRule.of(Builtin.CA_SIN),
                  RegexRule.of(Builtin.URL))));

  private static String stream(RegexGuard guard, List<String> pieces) {
    StreamingMasker masker = guard.newStream();
    StringBuilder out = new StringBuilder();
    for (String piece : pieces) {
      StreamingMasker.Emit e = masker.push(piece);
      assertFalse(e.rejected());
      out.append(e.text());
    }
    return out.append(masker.finish().text()).toString();
  }

  @Test
  void cardNumberSplitAtEveryPositionAcrossTwoChunksIsMasked() {
    String text = "Your card 4111 1111 1111 1111 is on file.";
    int start = text.indexOf('4');
    int end = start + "4111 1111 1111 1111".length();
    for (int cut = start; cut <= end; cut++) {
      String out = stream(ALL, List.of(text.substring(0, cut), text.substring(cut)));
      assertEquals("Your card <CREDIT_CARD> is on file.", out, "cut at " + cut);
    }
  }

  @Test
  void cardNumberArrivingOneCharacterPerChunkIsMasked() {
    String text = "n=5555-5555-5555-4444;";
    assertEquals(
        "n=<CREDIT_CARD>;", stream(ALL, text.chars().mapToObj(Character::toString).toList()));
  }

  @Test
  void anyChunkingGivesTheSameOutputAsMaskingTheWholeText() {
    String text =
        "Hi john@example.com! Card 4111-1111-1111-1111, SSN 123-45-6789, call (123) 456-7890,"
            + " SIN 046 454 286, docs at https://example.com/x. Bye 12 34.";
    String whole = ALL.mask(text);
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      List<String> pieces = new ArrayList<>();
      int pos = 0;
      while (pos < text.length()) {
        int next = Math.min(text.length(), pos + 1 + random.nextInt(12));
        pieces.add(text.substring(pos, next));
        pos = next;
      }
      assertEquals(whole, stream(ALL, pieces), "pieces " + pieces);
    }
    assertFalse(whole.contains("4111"));
    assertFalse(whole.contains("john@"));
  }

  @Test
  void textWithoutCandidatesPassesThroughAtOnce() {
    StreamingMasker masker =
        RegexGuard.compile(new RegexRules(null, List.of(RegexRule.of(Builtin.CREDIT_CARD))))
            .newStream();
    assertEquals("Hello there, ", masker.push("Hello there, ").text());
    assertEquals("how are you?", masker.push("how are you?").text());
    assertEquals(0, masker.held());
  }

  @Test
  void holdsBackOnlyTheTailThatMightStartAMatch() {
    StreamingMasker masker = ALL.newStream();
    StreamingMasker.Emit e = masker.push("The total is 4111 11");
    assertEquals("The total is ", e.text());
    assertEquals("4111 11".length(), masker.held());
    assertEquals("4111 11 dollars", masker.push(" dollars").text() + masker.finish().text());
  }

  @Test
  void holdBackNeverExceedsTheBound() {
    StreamingMasker masker =
        RegexGuard.compile(new RegexRules(null, List.of(RegexRule.of("a+b")))).newStream(16);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      out.append(masker.push("aaaaaaaaaa").text());
      assertTrue(masker.held() <= 16, "held " + masker.held());
    }
    out.append(masker.finish().text());
    assertEquals(1000, out.length());
  }

  @Test
  void rejectModeSignalsAsSoonAsTheMatchIsCertain() {
    StreamingMasker masker =
        RegexGuard.compile(new RegexRules(RegexAction.REJECT, List.of(RegexRule.of(Builtin.SSN))))
            .newStream();
    assertEquals("My number is ", masker.push("My number is 123-45-67").text());
    StreamingMasker.Emit e = masker.push("89");
    assertFalse(e.rejected(), "a following digit could still make it no SSN");
    e = masker.push(" ok");
    assertTrue(e.rejected());
    assertEquals("", e.text());
    assertTrue(masker.push("more").rejected());
    assertTrue(masker.finish().rejected());
  }

  @Test
  void rejectModeCatchesAMatchCompletedOnlyAtTheEnd() {
    StreamingMasker masker =
        RegexGuard.compile(new RegexRules(RegexAction.REJECT, List.of(RegexRule.of(Builtin.SSN))))
            .newStream();
    masker.push("ssn 123-45-");
    assertFalse(masker.push("6789").rejected());
    assertTrue(masker.finish().rejected());
  }
}

package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexGuardTest {
  private static RegexGuard mask(Builtin... builtins) {
    return RegexGuard.compile(
        new RegexRules(
            RegexAction.MASK, java.util.Arrays.stream(builtins).map(RegexRule::of).toList()));
  }

  @Test
  void masksCardNumbersWithSpacesDashesOrNothingWhenLuhnValid() {
    RegexGuard guard = mask(Builtin.CREDIT_CARD);
    assertEquals("pay with <CREDIT_CARD>.", guard.mask("pay with 4111 1111 1111 1111."));
    assertEquals("<CREDIT_CARD> ok", guard.mask("5555-5555-5555-4444 ok"));
    assertEquals("amex <CREDIT_CARD>", guard.mask("amex 378282246310005"));
    assertEquals("typo 4111 1111 1111 1112", guard.mask("typo 4111 1111 1111 1112"));
    assertEquals("order 12345678", guard.mask("order 12345678"));
  }

  @Test
  void masksSsnButNotImpossibleOnes() {
    RegexGuard guard = mask(Builtin.SSN);
    assertEquals("SSN: <US_SSN>, <US_SSN>", guard.mask("SSN: 123-45-6789, 567 65 4321"));
    assertEquals(
        "000-12-3456, 987-65-4321, 123-45-67890",
        guard.mask("000-12-3456, 987-65-4321, 123-45-67890"));
  }

  @Test
  void masksLuhnValidCanadianSins() {
    RegexGuard guard = mask(Builtin.CA_SIN);
    assertEquals("SIN <CA_SIN> / <CA_SIN>", guard.mask("SIN 046 454 286 / 130-692-544"));
    assertEquals("SIN 123-456-789", guard.mask("SIN 123-456-789"));
  }

  @Test
  void masksPhoneNumbersEmailsAndUrls() {
    RegexGuard guard = mask(Builtin.EMAIL, Builtin.PHONE_NUMBER, Builtin.URL);
    assertEquals(
        "Mail <EMAIL_ADDRESS>, call <PHONE_NUMBER> or <PHONE_NUMBER>, see <URL>.",
        guard.mask(
            "Mail john.doe@example.co.uk, call (123) 456-7890 or +1-800-555-1234, see"
                + " https://example.com/a?b=c."));
    assertEquals(
        "<PHONE_NUMBER> and <PHONE_NUMBER>", guard.mask("555.123.4567 and +44 20 7946 0958"));
    assertEquals("version 1.2.3, year 2024-01-15", guard.mask("version 1.2.3, year 2024-01-15"));
  }

  @Test
  void customPatternsMaskAsMaskedAndRejectModeOnlyDetects() {
    RegexGuard masker =
        RegexGuard.compile(new RegexRules(null, List.of(RegexRule.of("(?i)secret=\\S+"))));
    assertEquals(RegexAction.MASK, masker.action());
    assertEquals("my <MASKED> here", masker.mask("my SECRET=hunter2 here"));
    RegexGuard rejecter =
        RegexGuard.compile(new RegexRules(RegexAction.REJECT, List.of(RegexRule.of("SSN"))));
    assertTrue(rejecter.matches("my SSN is"));
    assertFalse(rejecter.matches("nothing"));
  }

  @Test
  void masksEveryOneOfManyMatchesInALongText() {
    RegexGuard guard = mask(Builtin.EMAIL, Builtin.CREDIT_CARD, Builtin.SSN);
    StringBuilder text = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      text.append("user").append(i).append("@example.com paid with 4111-1111-1111-1111; ");
      expected.append("<EMAIL_ADDRESS> paid with <CREDIT_CARD>; ");
    }
    assertEquals(expected.toString(), guard.mask(text.toString()));
  }

  @Test
  void refusesInvalidRules() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegexGuard.compile(new RegexRules(null, List.of(RegexRule.of("(")))));
    assertTrue(e.getMessage().startsWith("pattern: invalid regular expression"));
    assertThrows(IllegalArgumentException.class, () -> new RegexRule(Builtin.SSN, "x"));
    assertThrows(IllegalArgumentException.class, () -> new RegexRules(null, List.of()));
    assertEquals(Builtin.CREDIT_CARD, Builtin.fromConfig("creditCard"));
    assertThrows(IllegalArgumentException.class, () -> Builtin.fromConfig("iban"));
  }
}

package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One precompiled thing to find in text: a pattern, a check its matches must pass (a Luhn digit,
 * say), and the placeholder a mask puts in place of a match.
 */
public record Detector(String name, Pattern pattern, Predicate<CharSequence> check, String mask) {
  /** Validates. */
  public Detector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(mask, "mask");
  }

  /** A user's {@code pattern} rule; its matches are masked as {@code <MASKED>}. */
  public static Detector custom(String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "pattern: invalid regular expression: " + e.getDescription(), e);
    }
    return new Detector("pattern", pattern, m -> true, "<MASKED>");
  }
}

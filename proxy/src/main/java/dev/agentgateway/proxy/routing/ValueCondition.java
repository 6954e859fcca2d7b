package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.ValueMatch;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled header or query condition: {@code name} must be present with a value equal to {@code
 * exact}, or, when {@code pattern} is set, a value the pattern fully matches.
 */
record ValueCondition(String name, String exact, Pattern pattern) {

  /** Compiles {@code match}; {@code where} names the field in error messages. */
  static ValueCondition of(String name, ValueMatch match, String where) {
    return switch (match) {
      case ValueMatch.Exact e -> new ValueCondition(name, e.value(), null);
      case ValueMatch.Regex r -> new ValueCondition(name, null, compile(r.pattern(), where));
    };
  }

  /** Compiles a regular expression once, naming the offending field when it is invalid. */
  static Pattern compile(String regex, String where) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          where + ": invalid regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * The literal text every full match of {@code regex} starts with, so a cheap {@code startsWith}
   * can rule most inputs out before a matcher is allocated. Conservative: empty for any pattern
   * with alternation, and a literal character followed by a quantifier is left out.
   */
  static String literalPrefix(String regex) {
    if (regex.indexOf('|') >= 0) {
      return "";
    }
    int end = 0;
    while (end < regex.length() && ".[]{}()*+?^$\\".indexOf(regex.charAt(end)) < 0) {
      end++;
    }
    if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0 && end > 0) {
      end--;
    }
    return regex.substring(0, end);
  }

  /** True when {@code value} (null when absent) satisfies this condition. */
  boolean test(String value) {
    if (value == null) {
      return false;
    }
    return pattern == null ? exact.equals(value) : pattern.matcher(value).matches();
  }
}

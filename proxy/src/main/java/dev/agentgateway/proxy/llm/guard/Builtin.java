package dev.agentgateway.proxy.llm.guard;

import java.util.regex.Pattern;

/**
 * The built-in PII detectors, named as upstream's {@code builtin} values. Masks are {@code
 * <ENTITY>} with upstream's recognizer entity names. Card, SSN, SIN and phone matches are under 40
 * characters, well inside a stream's hold-back; email and URL matches are bounded too but may, in
 * odd cases, be longer than it. {@code url} is ours: upstream has a URL recognizer but does not
 * offer it as a {@code builtin}.
 */
public enum Builtin {
  /** U.S. Social Security number: 3-2-4 digits with one consistent dash or space separator. */
  SSN(
      "ssn",
      "US_SSN",
      "(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\w-])",
      false),
  /** Card number: 13 to 19 digits, single spaces or dashes between any of them, Luhn-valid. */
  CREDIT_CARD("creditCard", "CREDIT_CARD", "(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])", true),
  /** Phone number: North American forms and {@code +<country>} international ones. */
  PHONE_NUMBER(
      "phoneNumber",
      "PHONE_NUMBER",
      "(?<![\\w+])(?:"
          + "(?:\\+1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}"
          + "|\\+[2-9]\\d{0,2}[ .-]?\\d{1,4}(?:[ .-]?\\d{2,4}){2,3}"
          + ")(?![\\w-])",
      false),
  /** Email address. */
  EMAIL(
      "email",
      "EMAIL_ADDRESS",
      "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}(?![\\w-])",
      false),
  /** Canadian Social Insurance Number: 9 digits, 3-3-3 or unbroken, Luhn-valid as real SINs are. */
  CA_SIN("caSin", "CA_SIN", "(?<![\\w-])\\d{3}([- ]?)\\d{3}\\1\\d{3}(?![\\w-])", true),
  /** An http(s) or {@code www.} URL, without trailing sentence punctuation. */
  URL(
      "url",
      "URL",
      "(?<![\\w/])(?:https?://|www\\.)[^\\s<>\"'`]{0,2046}[^\\s<>\"'`.,;:!?)\\]]",
      false);

  private final String configName;
  private final Detector detector;

  Builtin(String configName, String entity, String regex, boolean luhn) {
    this.configName = configName;
    this.detector =
        new Detector(
            configName, Pattern.compile(regex), luhn ? Luhn::valid : m -> true, "<" + entity + ">");
  }

  /** The name in config ({@code ssn}, {@code creditCard}, ...). */
  public String configName() {
    return configName;
  }

  /** The precompiled detector. */
  public Detector detector() {
    return detector;
  }

  /**
   * The builtin named {@code name} in config.
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static Builtin fromConfig(String name) {
    for (Builtin b : values()) {
      if (b.configName.equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "builtin: unknown '"
            + name
            + "' (expected ssn, creditCard, phoneNumber, email, caSin, url)");
  }
}

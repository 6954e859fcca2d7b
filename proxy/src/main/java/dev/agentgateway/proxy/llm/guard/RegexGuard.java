package dev.agentgateway.proxy.llm.guard;

import java.util.List;

/** A compiled {@link RegexRules}: patterns built once, applied to whole texts or to streams. */
public final class RegexGuard {
  /** The default bound on what a stream holds back, in characters. */
  public static final int DEFAULT_MAX_HOLD = 256;

  private final RegexAction action;
  private final List<Detector> detectors;

  private RegexGuard(RegexAction action, List<Detector> detectors) {
    this.action = action;
    this.detectors = detectors;
  }

  /**
   * Compiles {@code rules}.
   *
   * @throws IllegalArgumentException when a custom pattern is not a valid regular expression
   */
  public static RegexGuard compile(RegexRules rules) {
    return new RegexGuard(rules.action(), rules.rules().stream().map(RegexRule::detector).toList());
  }

  /** The configured action. */
  public RegexAction action() {
    return action;
  }

  /** Whether any rule matches somewhere in {@code text}. */
  public boolean matches(String text) {
    StreamingMasker probe = new StreamingMasker(detectors, true, DEFAULT_MAX_HOLD);
    probe.append(text);
    return probe.finish().rejected();
  }

  /** {@code text} with every match replaced by its detector's mask. */
  public String mask(String text) {
    StreamingMasker masker = new StreamingMasker(detectors, false, DEFAULT_MAX_HOLD);
    masker.append(text);
    return masker.finish().text();
  }

  /** A masker for one stream (with the action's behaviour) and the default hold-back bound. */
  public StreamingMasker newStream() {
    return newStream(DEFAULT_MAX_HOLD);
  }

  /** A masker for one stream holding back at most {@code maxHold} characters. */
  public StreamingMasker newStream(int maxHold) {
    return new StreamingMasker(detectors, action == RegexAction.REJECT, maxHold);
  }
}

package dev.agentgateway.proxy.llm.guard;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Masks (or rejects) text that arrives in pieces, such as the deltas of an SSE stream, so a match
 * split across two pieces is still caught (upstream's issue #2956). Each {@link #push} returns the
 * text that is safe to send now: it holds back only the tail where a match might still be starting
 * (a position where a detector's pattern ran into the end of the text so far), and never more than
 * {@code maxHold} characters. Output order is input order; {@link #finish} flushes the rest.
 *
 * <p>Not thread-safe: one instance per stream, fed by the thread that relays it.
 */
public final class StreamingMasker {
  /** The text to send for one input piece, and whether the stream must be cut off instead. */
  public record Emit(String text, boolean rejected) {
    static final Emit REJECTED = new Emit("", true);
  }

  /** Raw characters kept before the cursor so look-behinds (word boundaries) still see them. */
  private static final int CONTEXT = 64;

  private final Matcher[] matchers;
  private final Detector[] detectors;
  private final boolean reject;
  private final int maxHold;
  private final StringBuilder buf = new StringBuilder();
  private int cursor;
  private boolean rejected;

  StreamingMasker(List<Detector> detectors, boolean reject, int maxHold) {
    if (maxHold < 1) {
      throw new IllegalArgumentException("maxHold must be positive, got " + maxHold);
    }
    this.detectors = detectors.toArray(Detector[]::new);
    this.matchers = new Matcher[this.detectors.length];
    for (int i = 0; i < matchers.length; i++) {
      matchers[i] = this.detectors[i].pattern().matcher(buf);
    }
    this.reject = reject;
    this.maxHold = maxHold;
  }

  /** Adds the next piece of text; returns what may be sent now. */
  public Emit push(CharSequence delta) {
    if (rejected) {
      return Emit.REJECTED;
    }
    buf.append(delta);
    return process(false);
  }

  /** Adds text without releasing any: whole texts go through {@link #finish} in one pass. */
  void append(CharSequence text) {
    buf.append(text);
  }

  /** Ends the stream: returns everything still held, masked. */
  public Emit finish() {
    if (rejected) {
      return Emit.REJECTED;
    }
    return process(true);
  }

  /** Whether a match has cut the stream off (reject action). */
  public boolean rejected() {
    return rejected;
  }

  /** Characters received but not yet released. */
  public int held() {
    return buf.length() - cursor;
  }

  private Emit process(boolean finishing) {
    int len = buf.length();
    int hold = finishing ? len : holdPoint(len);
    StringBuilder out = new StringBuilder(Math.max(0, hold - cursor));
    int pos = cursor;
    // Each detector's next valid match at or after pos; kept between rounds while still ahead of
    // pos, so a long text with many matches is scanned about once per detector, not once per match.
    int[] starts = new int[matchers.length];
    int[] ends = new int[matchers.length];
    Arrays.fill(starts, -1);
    while (pos < hold) {
      int best = -1;
      for (int i = 0; i < matchers.length; i++) {
        if (starts[i] < pos) {
          nextMatch(i, pos, len, starts, ends);
        }
        if (starts[i] < hold
            && (best < 0
                || starts[i] < starts[best]
                || starts[i] == starts[best] && ends[i] > ends[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      if (reject) {
        rejected = true;
        buf.setLength(0);
        cursor = 0;
        return Emit.REJECTED;
      }
      out.append(buf, pos, starts[best]).append(detectors[best].mask());
      pos = ends[best];
    }
    if (pos < hold) {
      out.append(buf, pos, hold);
      pos = hold;
    }
    cursor = pos;
    if (cursor > 4 * CONTEXT) {
      buf.delete(0, cursor - CONTEXT);
      cursor = CONTEXT;
    }
    return new Emit(out.toString(), false);
  }

  /** Finds detector {@code i}'s first valid match at or after {@code from}; MAX_VALUE if none. */
  private void nextMatch(int i, int from, int len, int[] starts, int[] ends) {
    Matcher m = region(matchers[i], from, len);
    while (m.find()) {
      // An empty match hides nothing; one failing its check (a Luhn digit) is not PII.
      if (m.end() > m.start() && detectors[i].check().test(buf.subSequence(m.start(), m.end()))) {
        starts[i] = m.start();
        ends[i] = m.end();
        return;
      }
    }
    starts[i] = Integer.MAX_VALUE;
  }

  /**
   * The first position from which a match could still begin once more text arrives: where some
   * pattern, tried there, read up to the end of what we have. Positions older than {@code maxHold}
   * are released regardless, which bounds the delay (a match longer than that may then be missed).
   */
  private int holdPoint(int len) {
    for (int p = Math.max(cursor, len - maxHold); p < len; p++) {
      for (Matcher matcher : matchers) {
        Matcher m = region(matcher, p, len);
        m.lookingAt();
        if (m.hitEnd()) {
          return p;
        }
      }
    }
    return len;
  }

  private Matcher region(Matcher m, int from, int to) {
    // The buffer may have grown or shrunk since the matcher last looked at it.
    m.reset(buf);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    m.region(from, to);
    return m;
  }
}

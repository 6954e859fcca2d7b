package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesGoAndHumantimeStyles() {
    assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofMinutes(3), Durations.parse("3m0s"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofMillis(2500), Durations.parse("2.5s"));
    assertEquals(Duration.ZERO, Durations.parse("0s"));
    assertEquals(Duration.ZERO, Durations.parse("0"));
    assertEquals(Duration.ofNanos(1_500), Durations.parse("1us500ns"));
    assertEquals(Duration.ofNanos(2_000), Durations.parse("2µs"));
    assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
    assertEquals(Duration.ofMillis(500), Durations.parse(".5s"));
  }

  @Test
  void rejectsMalformedDurations() {
    for (String bad : List.of("", "10", "s", "10 s", "-1s", "1.2.3s", "5sec", "1d", "1h-2m")) {
      assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
    }
  }

  @Test
  void formatsLikeGo() {
    assertEquals("0s", Durations.format(Duration.ZERO));
    assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
    assertEquals("1m30s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("1h0m0s", Durations.format(Duration.ofHours(1)));
    assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
    assertEquals("2.5s", Durations.format(Duration.ofMillis(2500)));
    assertEquals("1.5us", Durations.format(Duration.ofNanos(1500)));
    assertEquals("7ns", Durations.format(Duration.ofNanos(7)));
    assertEquals("26h3m4.005s", Durations.format(Duration.parse("PT26H3M4.005S")));
  }

  @Test
  void formatThenParseRoundTrips() {
    for (Duration d :
        List.of(
            Duration.ofNanos(1),
            Duration.ofMillis(1234),
            Duration.ofSeconds(3601),
            Duration.ofDays(3).plusNanos(9))) {
      assertEquals(d, Durations.parse(Durations.format(d)), Durations.format(d));
    }
  }
}

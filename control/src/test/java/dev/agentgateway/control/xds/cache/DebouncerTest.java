package dev.agentgateway.control.xds.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {
  private static final Duration WINDOW = Duration.ofMillis(100);

  /** Holds scheduled tasks until the test says the window has passed. */
  private static final class ManualScheduler implements Debouncer.Scheduler {
    final List<Runnable> tasks = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public void schedule(Runnable task, Duration delay) {
      tasks.add(task);
      delays.add(delay);
    }

    void elapse() {
      List<Runnable> due = new ArrayList<>(tasks);
      tasks.clear();
      due.forEach(Runnable::run);
    }
  }

  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<String> pushes = new ArrayList<>();
  private final Debouncer<String, Integer> debouncer =
      new Debouncer<>(WINDOW, scheduler, (key, value) -> pushes.add(key + "=" + value));

  @Test
  void burstInOneWindowPushesOnceWithLatestValue() {
    for (int i = 1; i <= 10; i++) {
      debouncer.submit("ns/a", i);
    }

    assertEquals(List.of(), pushes);
    assertEquals(List.of(WINDOW), scheduler.delays);
    scheduler.elapse();

    assertEquals(List.of("ns/a=10"), pushes);
  }

  @Test
  void keysDebounceIndependently() {
    debouncer.submit("ns/a", 1);
    debouncer.submit("ns/b", 1);
    debouncer.submit("ns/a", 2);

    scheduler.elapse();

    assertEquals(List.of("ns/a=2", "ns/b=1"), pushes);
  }

  @Test
  void updateAfterWindowStartsNewBurst() {
    debouncer.submit("ns/a", 1);
    scheduler.elapse();
    debouncer.submit("ns/a", 2);
    debouncer.submit("ns/a", 3);
    scheduler.elapse();

    assertEquals(List.of("ns/a=1", "ns/a=3"), pushes);
  }

  @Test
  void rejectsNegativeWindow() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Debouncer<String, Integer>(Duration.ofMillis(-1), scheduler, (k, v) -> {}));
  }
}

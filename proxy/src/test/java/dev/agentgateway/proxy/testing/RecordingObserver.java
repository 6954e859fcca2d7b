package dev.agentgateway.proxy.testing;

import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Queues every finished request's log and every upstream connect time the proxy reports. */
public final class RecordingObserver implements RequestObserver {
  private final BlockingQueue<RequestLog> logs = new LinkedBlockingQueue<>();
  private final BlockingQueue<Duration> connects = new LinkedBlockingQueue<>();

  @Override
  public void requestDone(RequestLog log) {
    logs.add(log);
  }

  @Override
  public void upstreamConnected(String backend, Duration elapsed) {
    connects.add(elapsed);
  }

  /** The queue of finished requests' logs, oldest first. */
  public BlockingQueue<RequestLog> logs() {
    return logs;
  }

  /** The next finished request's log, waiting up to 5 s. */
  public RequestLog nextLog() throws InterruptedException {
    RequestLog log = logs.poll(5, TimeUnit.SECONDS);
    if (log == null) {
      throw new AssertionError("no request log within 5 s");
    }
    return log;
  }

  /** Connect times reported so far. */
  public List<Duration> connects() {
    return List.copyOf(connects);
  }
}

package dev.agentgateway.control.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Records core/v1 Events off the caller's thread, folding repeats the way client-go's recorder
 * does: the same object, type, reason and message update one Event's {@code count} and {@code
 * lastTimestamp} instead of creating another, so a proxy NACKing every push cannot flood etcd.
 */
public final class EventRecorder implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(EventRecorder.class.getName());

  /** The API server's limit on an Event message. */
  static final int MAX_MESSAGE_CHARS = 1024;

  private static final int QUEUE = 256;
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final KubernetesClient client;
  private final String component;
  private final ExecutorService executor;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * A recorder writing with {@code client} as {@code component} (the Event's source and reporting
   * controller).
   */
  public EventRecorder(KubernetesClient client, String component) {
    this.client = Objects.requireNonNull(client, "client");
    this.component = Objects.requireNonNull(component, "component");
    // One writer with a bounded queue: Events are best effort and must never back up into xDS.
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            Thread.ofVirtual().name("event-recorder").factory());
  }

  /** Queues a Warning Event on {@code object}; dropped (and counted) when the queue is full. */
  public void warning(ObjectReference object, String reason, String message) {
    record(() -> object, "Warning", reason, message);
  }

  /**
   * Queues a Warning Event on the object {@code object} resolves on the writer thread, for
   * references that need an API call (such as a uid lookup) the caller must not wait for.
   */
  public void warning(Supplier<ObjectReference> object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  /** Queues a Normal Event on {@code object}. */
  public void normal(ObjectReference object, String reason, String message) {
    record(() -> object, "Normal", reason, message);
  }

  /** Events not written because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  private void record(
      Supplier<ObjectReference> object, String type, String reason, String message) {
    String text = truncate(message);
    try {
      executor.execute(() -> write(object.get(), type, reason, text));
    } catch (RejectedExecutionException e) {
      dropped.incrementAndGet();
    }
  }

  private void write(ObjectReference object, String type, String reason, String message) {
    String namespace = object.getNamespace();
    String name = eventName(object, type, reason, message);
    String now = RFC3339.format(Instant.now());
    try {
      var events = client.v1().events().inNamespace(namespace);
      Event existing = events.withName(name).get();
      if (existing != null) {
        int count = existing.getCount() == null ? 1 : existing.getCount();
        events
            .withName(name)
            .edit(
                e ->
                    new EventBuilder(e)
                        .withCount(count + 1)
                        .withLastTimestamp(now)
                        .withInvolvedObject(object)
                        .build());
        return;
      }
      events
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(object)
                  .withType(type)
                  .withReason(reason)
                  .withMessage(message)
                  .withCount(1)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withEventTime(new MicroTime(now))
                  .withSource(new EventSource(component, null))
                  .withReportingComponent(component)
                  .withReportingInstance(component)
                  .withAction(reason)
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot record "
              + type
              + " Event "
              + reason
              + " on "
              + object.getKind()
              + " "
              + namespace
              + "/"
              + object.getName()
              + ": "
              + e.getMessage());
    }
  }

  /**
   * {@code <object>.<hash>}: stable for one object, type, reason and message, so repeats find the
   * Event they fold into; unique enough across messages without keeping state here.
   */
  static String eventName(ObjectReference object, String type, String reason, String message) {
    String digest = sha256(object.getKind() + '\0' + type + '\0' + reason + '\0' + message);
    return object.getName() + "." + digest.substring(0, 16);
  }

  static String truncate(String message) {
    if (message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  /** Writes what is queued (up to a few seconds), then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

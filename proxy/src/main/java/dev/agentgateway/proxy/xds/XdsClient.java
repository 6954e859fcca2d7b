package dev.agentgateway.proxy.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.proxy.state.StateHolder;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A Delta ADS subscription to the controller: wildcard on our resource type, each response applied
 * as a new state (the valid resources even when others are NACKed) and then ACKed or NACKed;
 * reconnects with jittered exponential backoff, resending the versions it holds, while the last
 * good state keeps serving.
 */
public final class XdsClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(XdsClient.class.getName());
  private static final Duration BACKOFF_BASE = Duration.ofMillis(100);
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(15);
  private static final int MAX_RESPONSE_BYTES = 256 << 20;

  /** Installs a config the way a file reload would; empty when serving, else why not. */
  @FunctionalInterface
  public interface Installer {
    /** Compiles, opens ports and swaps in {@code config}, or says why it did not. */
    Optional<String> install(GatewayConfig config);
  }

  private final XdsSettings settings;
  private final StateHolder state;
  private final Installer installer;
  private final Function<Object, String> check;
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ManagedChannel channel;
  private final Backoff backoff = new Backoff(BACKOFF_BASE, BACKOFF_MAX);
  private final ReentrantLock lock = new ReentrantLock();
  private volatile XdsResourceSet held = XdsResourceSet.EMPTY;
  private volatile boolean synced;
  private volatile boolean closed;
  private final AtomicLong streamsOpened = new AtomicLong();
  private ClientCallStreamObserver<DeltaDiscoveryRequest> requests;
  private Thread loop;

  /**
   * A client that will feed {@code installer}; {@code state} supplies the static settings kept
   * across updates.
   */
  public XdsClient(XdsSettings settings, StateHolder state, Installer installer) {
    this(settings, state, installer, value -> null);
  }

  /**
   * Like {@link #XdsClient(XdsSettings, StateHolder, Installer)}; a resource for which {@code
   * check} names a problem is NACKed by name while the others apply.
   */
  public XdsClient(
      XdsSettings settings,
      StateHolder state,
      Installer installer,
      Function<Object, String> check) {
    this.check = Objects.requireNonNull(check, "check");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.state = Objects.requireNonNull(state, "state");
    this.installer = Objects.requireNonNull(installer, "installer");
    this.channel =
        Grpc.newChannelBuilderForAddress(
                settings.host(), settings.port(), settings.channelCredentials())
            .executor(executor)
            // The initial state of a large Gateway is one response: 20k routes are ~6 MB.
            .maxInboundMessageSize(MAX_RESPONSE_BYTES)
            .build();
  }

  /** Starts subscribing on a background virtual thread. */
  public void start() {
    loop = Thread.ofVirtual().name("xds-client").start(this::run);
  }

  /** True once a response has been applied: the proxy holds its first complete state. */
  public boolean synced() {
    return synced;
  }

  /** Streams opened so far: 1 while the first stream lives, one more per reconnect. */
  public long streamsOpened() {
    return streamsOpened.get();
  }

  /** Name to version of the resources applied so far. */
  public Map<String, String> versions() {
    return held.versions();
  }

  private void run() {
    String target = settings.host() + ":" + settings.port();
    String role = settings.node().getMetadata().getFieldsOrThrow("role").getStringValue();
    while (!closed) {
      channel.resetConnectBackoff();
      CompletableFuture<String> ended = new CompletableFuture<>();
      Stream stream = new Stream(ended);
      LOG.info("xDS connecting to " + target + " as " + role);
      open(stream);
      String why;
      try {
        why = ended.get();
      } catch (InterruptedException e) {
        return;
      } catch (ExecutionException e) {
        why = String.valueOf(e.getCause());
      }
      if (closed) {
        return;
      }
      if (stream.responded) {
        backoff.reset();
      }
      Duration wait = backoff.next();
      LOG.info(
          "xDS stream to "
              + target
              + " ended ("
              + why
              + "); retrying in "
              + wait.toMillis()
              + " ms");
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void open(Stream stream) {
    lock.lock();
    try {
      if (closed) {
        stream.ended.complete("closed");
        return;
      }
      streamsOpened.incrementAndGet();
      var stub = AggregatedDiscoveryServiceGrpc.newStub(channel);
      if (settings.callCredentials() != null) {
        stub = stub.withCallCredentials(settings.callCredentials());
      }
      requests =
          (ClientCallStreamObserver<DeltaDiscoveryRequest>) stub.deltaAggregatedResources(stream);
      requests.onNext(
          DeltaDiscoveryRequest.newBuilder()
              .setNode(settings.node())
              .setTypeUrl(XdsResources.TYPE_URL)
              .putAllInitialResourceVersions(held.versions())
              .build());
    } finally {
      lock.unlock();
    }
  }

  /** Applies one response and answers it; runs on the stream's (serial) callback thread. */
  private void handle(DeltaDiscoveryResponse response) {
    DeltaDiscoveryRequest.Builder answer =
        DeltaDiscoveryRequest.newBuilder()
            .setTypeUrl(XdsResources.TYPE_URL)
            .setResponseNonce(response.getNonce());
    Map<String, String> errors = new LinkedHashMap<>();
    if (!XdsResources.TYPE_URL.equals(response.getTypeUrl())) {
      errors.put("*", "not subscribed to type " + response.getTypeUrl());
    } else {
      XdsResourceSet.Update update = held.apply(response, check);
      errors.putAll(update.errors());
      GatewayConfig next = update.next().config(state.get().config().config());
      Optional<String> rejected = installer.install(next);
      if (rejected.isPresent()) {
        errors.put("*", rejected.get());
      } else {
        held = update.next();
        synced = true;
      }
    }
    if (errors.isEmpty()) {
      LOG.fine("xDS ACK " + response.getNonce() + ": " + held.versions().size() + " resources");
    } else {
      LOG.warning("xDS NACK " + response.getNonce() + ": " + errors);
      answer.setErrorDetail(
          Status.newBuilder()
              .setCode(Code.INVALID_ARGUMENT.getNumber())
              .setMessage(errorJson(errors)));
    }
    send(answer.build());
  }

  /** {@code [{"key": name, "error": reason}, ...]}; key {@code *} means the whole response. */
  private String errorJson(Map<String, String> errors) {
    List<Map<String, String>> list = new ArrayList<>();
    errors.forEach((key, error) -> list.add(Map.of("key", key, "error", error)));
    try {
      return json.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render NACK detail", e);
    }
  }

  private void send(DeltaDiscoveryRequest request) {
    lock.lock();
    try {
      if (requests != null && !closed) {
        requests.onNext(request);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Stops the subscription; the state applied so far stays. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (requests != null) {
        requests.cancel("proxy stopping", null);
      }
    } finally {
      lock.unlock();
    }
    if (loop != null) {
      loop.interrupt();
    }
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  /** The response side of one stream. */
  private final class Stream implements StreamObserver<DeltaDiscoveryResponse> {
    private final CompletableFuture<String> ended;
    private volatile boolean responded;

    Stream(CompletableFuture<String> ended) {
      this.ended = ended;
    }

    @Override
    public void onNext(DeltaDiscoveryResponse response) {
      responded = true;
      try {
        handle(response);
      } catch (RuntimeException e) {
        LOG.warning("xDS response not applied: " + e);
        ended.complete("client error: " + e.getMessage());
        requests.cancel("client error", e);
      }
    }

    @Override
    public void onError(Throwable t) {
      io.grpc.Status status = io.grpc.Status.fromThrowable(t);
      String cause = status.getCause() == null ? "" : " (" + causes(status.getCause()) + ")";
      ended.complete(
          status.getCode()
              + (status.getDescription() == null ? "" : ": " + status.getDescription())
              + cause);
    }

    @Override
    public void onCompleted() {
      ended.complete("closed by the server");
    }

    /**
     * The cause's message and its root cause's: a TLS failure says "General OpenSslEngine problem"
     * on top and why (an untrusted or expired certificate, a wrong host name) only at the root.
     */
    private static String causes(Throwable t) {
      Throwable root = t;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root == t ? t.getMessage() : t.getMessage() + ": " + root.getMessage();
    }
  }
}

package dev.agentgateway.bench;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.http.UpstreamClients;
import dev.agentgateway.proxy.policy.PolicyClients;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.AccessLogRules;
import dev.agentgateway.proxy.telemetry.ProxyMetrics;
import dev.agentgateway.proxy.telemetry.TelemetryObserver;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Per-request cost of a route's policy chain with 0, 5, 14 and 15 policy kinds ({@link
 * PolicyWorkload#KINDS}, in that order; 14 is every kind but {@code requestMirror}, which sends a
 * second upstream request per request). One request is a GET through the real {@link ProxyHandler}
 * (route selection, {@code CompiledPolicies} compiled from the standalone YAML, every policy step,
 * the forwarder, metrics and access log) that passes every policy and is answered 200 by the
 * upstream.
 *
 * <p>Everything runs in this JVM over loopback: a keep-alive client writing raw HTTP/1.1, the
 * proxy's handler on a Helidon listener configured as the proxy's own, and a Helidon upstream
 * answering 1 KB. The network part is the same in every variant, so the chain's cost is the
 * difference to {@code policies=0}. (Helidon's in-memory {@code DirectClient} was tried first: it
 * took 10-25 ms per request on its own, far more than the proxy.)
 *
 * <p>On a machine shared with other work the wall-clock time mostly measures waiting for a core, so
 * each iteration also prints the CPU time the JVM's threads spent per request ({@link ThreadCpu}),
 * and the run ends with its mean over the measured iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyChainBench {
  private static final String BODY = "a".repeat(1024);
  // Held: a logger nobody references may be collected with its level.
  private static final Logger ACCESS_LOG = Logger.getLogger(AccessLog.LOGGER_NAME);

  @Param({"0", "5", "14", "15"})
  int policies;

  private WebServer upstream;
  private UpstreamClients clients;
  private PolicyClients policyClients;
  private WebServer proxy;
  private RawHttpClient client;
  private final ThreadCpu cpu = new ThreadCpu();
  private long requests;
  private int measuredIterations;

  @Setup
  public void setUp(BenchmarkParams params) throws ConfigException, IOException {
    measuredIterations = params.getMeasurement().getCount();
    upstream =
        WebServer.builder()
            .port(0)
            .host("127.0.0.1")
            // As the proxy's own listeners: without it Nagle meets delayed ACKs (40 ms a request).
            .connectionOptions(o -> o.tcpNoDelay(true))
            .routing(r -> r.any((req, res) -> res.send(BODY)))
            .build()
            .start();
    // After the first server start, which makes Helidon (re)configure logging: the access log is
    // on, as in production, but not printed (that would measure the console).
    ACCESS_LOG.setLevel(java.util.logging.Level.OFF);
    PolicyWorkload workload = PolicyWorkload.create();
    int port = freePort();
    GatewayConfig config =
        new LocalConfigLoader(Map.of())
            .parse(
                workload.config(
                    port, upstream.port(), Map.of("/api", PolicyWorkload.first(policies))));
    StateHolder state = new StateHolder(ProxyState.compile(config, 1));
    clients = UpstreamClients.create(config.config().backend());
    policyClients = new PolicyClients(new LazyCelEngine());
    TelemetryObserver observer =
        new TelemetryObserver(
            new ProxyMetrics("bench"),
            new AccessLog(AccessLogRules.NONE),
            config.binds().get(0).key());
    ProxyHandler handler =
        new ProxyHandler(state, port, clients, observer, new Drain(), null, null, policyClients);
    // The listener as the proxy's ListenerManager builds it for plain HTTP/1.1.
    proxy =
        WebServer.builder()
            .port(port)
            .host("127.0.0.1")
            .connectionOptions(o -> o.tcpNoDelay(true))
            .protocolsDiscoverServices(false)
            .addProtocol(Http1Config.create())
            .routing(r -> r.any(handler))
            .build()
            .start();
    client = new RawHttpClient(port, "/api/items/42", workload.passingHeaders());
    int status = request();
    if (status != 200) {
      throw new IllegalStateException("the bench request was answered " + status + ", not 200");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    requests = 0;
    cpu.start();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpu.end(requests);
  }

  @TearDown
  public void tearDown() throws IOException {
    System.out.println(cpu.summary(measuredIterations));
    client.close();
    proxy.stop();
    clients.close();
    policyClients.close();
    upstream.stop();
  }

  /** One request through the proxy; returns the status so JMH keeps the work. */
  @Benchmark
  public int request() throws IOException {
    requests++;
    return client.get();
  }
}

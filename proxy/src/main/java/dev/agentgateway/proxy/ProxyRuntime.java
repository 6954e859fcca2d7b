package dev.agentgateway.proxy;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.admin.AdminEndpoints;
import dev.agentgateway.proxy.admin.ObservabilityServers;
import dev.agentgateway.proxy.admin.ReadinessEndpoints;
import dev.agentgateway.proxy.admin.StatsEndpoints;
import dev.agentgateway.proxy.config.ConfigFileWatcher;
import dev.agentgateway.proxy.config.ConfigReloader;
import dev.agentgateway.proxy.frontend.FrontendTelemetry;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.http.UpstreamClients;
import dev.agentgateway.proxy.llm.LlmGateway;
import dev.agentgateway.proxy.mcp.McpGateway;
import dev.agentgateway.proxy.policy.PolicyClients;
import dev.agentgateway.proxy.policy.cel.CelPolicyCheck;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.server.BindCustomizer;
import dev.agentgateway.proxy.server.BindFailedException;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.server.GracefulShutdown;
import dev.agentgateway.proxy.server.ListenerManager;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.AccessLogRules;
import dev.agentgateway.proxy.telemetry.Logging;
import dev.agentgateway.proxy.telemetry.ProxyMetrics;
import dev.agentgateway.proxy.telemetry.TelemetryCheck;
import dev.agentgateway.proxy.telemetry.TelemetryObserver;
import dev.agentgateway.proxy.telemetry.trace.Tracing;
import dev.agentgateway.proxy.websocket.WebSocketPassthrough;
import dev.agentgateway.proxy.xds.XdsClient;
import dev.agentgateway.proxy.xds.XdsSettings;
import io.helidon.webserver.WebServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The running proxy, wired from one config: state, bind listeners, admin/stats/readiness servers,
 * metrics, access log, file watcher and the graceful shutdown. {@link ProxyMain} builds one per
 * process; tests build one per case.
 */
public final class ProxyRuntime implements AutoCloseable {
  /** How long file events must settle before the config file is read again. */
  static final Duration RELOAD_DEBOUNCE = Duration.ofMillis(100);

  private final StateHolder state;
  private final ProxyMetrics metrics;
  private final ListenerManager listeners;
  private final GracefulShutdown shutdown;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, TelemetryObserver> observers = new ConcurrentHashMap<>();
  private final AccessLog accessLog;
  private final Tracing tracing;
  private final FrontendTelemetry frontendTelemetry;
  private final Drain drain;
  private final BindCustomizer extraCustomizer;
  private ObservabilityServers observability;
  // One CEL engine for the process: load-time checks and the MCP gateway's rules share it.
  private final LazyCelEngine cel = new LazyCelEngine();
  private final CelPolicyCheck celCheck = new CelPolicyCheck(cel);
  private ConfigReloader reloader;
  private XdsClient xds;

  /**
   * What to run.
   *
   * @param config the validated config
   * @param watchFile the file to reload on change, or {@code null}
   * @param parser parses reloaded files
   * @param version for {@code agentgateway_build_info}
   * @param logging the installed process logging, or {@code null} (tests)
   * @param customizer an extra per-bind server hook (tests), after the WebSocket upgrader
   * @param configJson renders {@code /config_dump}
   * @param xds the controller to subscribe to, or {@code null} for a file-only proxy
   */
  public record Settings(
      GatewayConfig config,
      Path watchFile,
      ConfigReloader.Parser parser,
      String version,
      Logging logging,
      BindCustomizer customizer,
      Function<GatewayConfig, String> configJson,
      XdsSettings xds) {

    /** A proxy fed by its config file only. */
    public Settings(
        GatewayConfig config,
        Path watchFile,
        ConfigReloader.Parser parser,
        String version,
        Logging logging,
        BindCustomizer customizer,
        Function<GatewayConfig, String> configJson) {
      this(config, watchFile, parser, version, logging, customizer, configJson, null);
    }
  }

  private ProxyRuntime(Settings settings) {
    StaticConfig statics = settings.config().config();
    this.metrics = new ProxyMetrics(settings.version());
    List<ConfigError> celErrors = new ArrayList<>(TelemetryCheck.check(statics, cel));
    celErrors.addAll(celCheck.check(settings.config()));
    if (!celErrors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid config: " + new ConfigException(celErrors).getMessage());
    }
    this.state = new StateHolder(ProxyState.compile(settings.config(), 1));
    Drain drain = new Drain();
    // One set of pooled upstream clients serves every bind.
    UpstreamClients upstream = UpstreamClients.create(statics.backend());
    closeables.add(upstream);
    McpGateway mcp =
        new McpGateway(
            state,
            McpGateway.codec(statics),
            statics.mcpSessionTtl(),
            settings.version(),
            drain::draining,
            cel);
    closeables.add(mcp);
    LlmGateway llm = new LlmGateway(statics.backend().connectTimeout(), metrics.genAi());
    closeables.add(llm);
    // One gRPC channel per ext_authz or rate limit service, whichever bind's route calls it.
    PolicyClients policyClients = new PolicyClients(cel);
    closeables.add(policyClients);
    this.accessLog = new AccessLog(AccessLogRules.compile(statics.logging(), cel::get));
    // Closed after the listeners drained (closeables run last), so in-flight spans are exported.
    this.tracing =
        statics.tracing() == null
            ? null
            : Tracing.create(statics.tracing(), cel::get, settings.version());
    if (tracing != null) {
      closeables.add(tracing);
    }
    // Frontend policies' access logs and tracers, per bind, following every config change.
    this.frontendTelemetry =
        new FrontendTelemetry(
            new FrontendTelemetry.Bound(accessLog, tracing), cel::get, settings.version());
    frontendTelemetry.update(settings.config());
    state.onChange(s -> frontendTelemetry.update(s.config()));
    closeables.add(frontendTelemetry);
    this.drain = drain;
    this.extraCustomizer = settings.customizer();
    this.listeners =
        new ListenerManager(
            bind ->
                new ProxyHandler(
                    state, bind.port(), upstream, observer(bind), drain, mcp, llm, policyClients),
            this::customizeBind,
            drain,
            metrics::downstreamConnections,
            statics.connectionTerminationDeadline());
    this.shutdown =
        new GracefulShutdown(
            drain,
            listeners,
            this::closeOthers,
            statics.connectionMinTerminationDeadline(),
            statics.connectionTerminationDeadline());
  }

  /** {@code parser}, refusing a config whose CEL expressions do not compile. */
  private ConfigReloader.Parser celChecked(ConfigReloader.Parser parser) {
    return text -> {
      GatewayConfig config = parser.parse(text);
      List<ConfigError> errors = celCheck.check(config);
      if (!errors.isEmpty()) {
        throw new ConfigException(errors);
      }
      return config;
    };
  }

  /** The metrics and access-log observer of one bind, shared by everything serving it. */
  private TelemetryObserver observer(Bind bind) {
    return observers.computeIfAbsent(
        bind.key(),
        key ->
            new TelemetryObserver(
                metrics,
                key,
                () -> frontendTelemetry.of(key).accessLog(),
                () -> frontendTelemetry.of(key).tracing()));
  }

  /**
   * The per-bind server hook, run after our protocol settings and before the server starts: the
   * WebSocket upgrade passthrough, then any extra customizer (tests).
   */
  private void customizeBind(Bind bind, WebServerConfig.Builder server) {
    server.update(WebSocketPassthrough.install(state, bind.port(), observer(bind), drain));
    extraCustomizer.customize(bind, server);
  }

  /**
   * Starts everything: the admin servers first (readiness answers 503 until the binds listen), then
   * one listener per bind, then the file watcher.
   *
   * @throws BindFailedException when a bind's port cannot be opened (nothing is left running)
   * @throws IllegalStateException when an admin, stats or readiness address cannot be used
   */
  public static ProxyRuntime start(Settings settings) throws BindFailedException, IOException {
    ProxyRuntime runtime = new ProxyRuntime(settings);
    try {
      runtime.startAll(settings);
    } catch (BindFailedException | IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  private void startAll(Settings settings) throws BindFailedException, IOException {
    StaticConfig statics = settings.config().config();
    observability =
        ObservabilityServers.start(
            List.of(
                new ObservabilityServers.Endpoint(
                    "admin",
                    statics.adminAddr(),
                    new AdminEndpoints(
                        () -> state.get().config(),
                        settings.configJson(),
                        shutdown::runAsync,
                        settings.logging())),
                new ObservabilityServers.Endpoint(
                    "stats", statics.statsAddr(), new StatsEndpoints(metrics.registry())),
                new ObservabilityServers.Endpoint(
                    "readiness", statics.readinessAddr(), new ReadinessEndpoints(this::ready))));
    closeables.add(observability);
    listeners.open(settings.config());
    state.onChange(listeners::reconcile);
    metrics.configSynchronized(settings.xds() == null);
    reloader = new ConfigReloader(celChecked(settings.parser()), state, listeners, metrics);
    if (settings.xds() != null) {
      xds = new XdsClient(settings.xds(), state, reloader::install, celCheck::problem);
      closeables.addFirst(xds);
      xds.start();
    }
    if (settings.watchFile() != null) {
      ConfigFileWatcher watcher =
          new ConfigFileWatcher(settings.watchFile(), RELOAD_DEBOUNCE, reloader::apply);
      closeables.addFirst(watcher);
      watcher.start();
    }
  }

  /**
   * Applies new config text as a file change would (the static {@code config:} section is kept);
   * true when it is now serving.
   */
  public boolean reload(String text) {
    return reloader.apply(text);
  }

  /**
   * True when the config is loaded (in xDS mode: the first response is applied), every bind listens
   * and no shutdown has started.
   */
  public boolean ready() {
    return !shutdown.started()
        && (xds == null || xds.synced())
        && listeners.allBound(state.get().config());
  }

  /** The xDS client, or {@code null} when the proxy is fed by a file only. */
  public XdsClient xds() {
    return xds;
  }

  /** The state the data path reads. */
  public StateHolder state() {
    return state;
  }

  /** The proxy's metrics. */
  public ProxyMetrics metrics() {
    return metrics;
  }

  /** Bind key to listening port of every open bind. */
  public Map<String, Integer> bindPorts() {
    return listeners.openPorts();
  }

  /** The port of the admin, stats or readiness endpoint, or -1 when it is off. */
  public int port(String endpoint) {
    return observability == null ? -1 : observability.port(endpoint);
  }

  /** Runs the graceful shutdown and returns when it is complete. */
  public void shutdown() {
    shutdown.run();
  }

  /** Waits until a shutdown (from a signal or {@code /quitquitquit}) is complete. */
  public void awaitShutdown() {
    shutdown.awaitDone();
  }

  /** Waits at most {@code timeout}; true when the shutdown is complete. */
  public boolean awaitShutdown(Duration timeout) throws InterruptedException {
    return shutdown.awaitDone(timeout);
  }

  /** Stops everything at once, without the drain (for failed starts and tests). */
  @Override
  public void close() {
    listeners.stopAll(Duration.ofSeconds(2));
    closeOthers();
  }

  private void closeOthers() {
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        java.util.logging.Logger.getLogger(ProxyRuntime.class.getName())
            .fine("error while stopping " + c + ": " + e);
      }
    }
  }
}

package dev.agentgateway.proxy;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.config.ConfigJson;
import dev.agentgateway.model.config.HostPort;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.demo.DemoBackend;
import dev.agentgateway.proxy.policy.cel.CelPolicyCheck;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.server.BindCustomizer;
import dev.agentgateway.proxy.server.BindFailedException;
import dev.agentgateway.proxy.server.ShutdownSignals;
import dev.agentgateway.proxy.telemetry.Logging;
import dev.agentgateway.proxy.xds.XdsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The data plane's composition root and command line: parse the arguments, load the config, wire
 * the components, start them and wait for the shutdown.
 */
public final class ProxyMain {
  /** The classpath resource run when no config is given. */
  static final String DEFAULT_CONFIG = "/default-config.yaml";

  /** The environment variable that, without -f/-c, makes the proxy subscribe to a controller. */
  static final String XDS_ADDRESS = "XDS_ADDRESS";

  private ProxyMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the command line and returns the exit status (0 ok, 1 error, 2 usage). */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CommandLine cl;
    try {
      cl = CommandLine.parse(args);
    } catch (CommandLine.UsageException e) {
      err.println("agentgateway: " + e.getMessage());
      err.println(CommandLine.USAGE);
      return 2;
    }
    if (cl.help()) {
      out.println(CommandLine.USAGE);
      return 0;
    }
    if (cl.version()) {
      out.println("agentgateway " + version());
      return 0;
    }
    LocalConfigLoader loader = new LocalConfigLoader(env);
    XdsSettings xds = null;
    if (env.get(XDS_ADDRESS) != null && !env.get(XDS_ADDRESS).isBlank()) {
      try {
        xds = XdsSettings.fromEnv(env);
      } catch (IllegalArgumentException e) {
        err.println("agentgateway: " + e.getMessage());
        return 1;
      }
    }
    GatewayConfig config;
    try {
      config = xds != null && cl.usesDefaultConfig() ? loader.parse("{}") : load(cl, loader);
    } catch (IOException e) {
      err.println("agentgateway: cannot read " + cl.file() + ": " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      for (ConfigError error : e.errors()) {
        err.println(error);
      }
      return 1;
    }
    if (xds != null && !(config.binds().isEmpty() && config.policies().isEmpty())) {
      // The controller owns the resources; mixing in local ones would be silently overwritten.
      err.println(
          "agentgateway: with "
              + XDS_ADDRESS
              + " set, the config file gives only static settings (config:); its binds and"
              + " policies would be replaced by the controller's. Remove them or unset "
              + XDS_ADDRESS
              + ".");
      return 1;
    }
    if (cl.validateOnly()) {
      List<ConfigError> celErrors = new CelPolicyCheck(new LazyCelEngine()).check(config);
      if (!celErrors.isEmpty()) {
        celErrors.forEach(err::println);
        return 1;
      }
      out.println("configuration is valid");
      return 0;
    }
    return serve(cl, config, xds, loader, out, err);
  }

  private static GatewayConfig load(CommandLine cl, LocalConfigLoader loader)
      throws IOException, ConfigException {
    if (cl.file() != null) {
      return loader.load(cl.file());
    }
    if (cl.configText() != null) {
      return loader.parse(cl.configText());
    }
    try (InputStream in = ProxyMain.class.getResourceAsStream(DEFAULT_CONFIG)) {
      if (in == null) {
        throw new IOException("missing resource " + DEFAULT_CONFIG);
      }
      return loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static int serve(
      CommandLine cl,
      GatewayConfig config,
      XdsSettings xds,
      LocalConfigLoader loader,
      PrintStream out,
      PrintStream err) {
    StaticConfig statics = config.config();
    Logging logging = Logging.install(statics.logging().format(), statics.logging().level(), out);
    Logger log = Logger.getLogger(ProxyMain.class.getName());
    DemoBackend demo = null;
    ProxyRuntime runtime;
    try {
      if (cl.usesDefaultConfig() && xds == null) {
        demo = startDemo(log);
      }
      runtime =
          ProxyRuntime.start(
              new ProxyRuntime.Settings(
                  config,
                  xds == null ? cl.file() : null, // under xDS the file is read once, for statics
                  loader::parse,
                  version(),
                  logging,
                  BindCustomizer.NONE,
                  ConfigJson::render,
                  xds));
    } catch (BindFailedException | IOException | RuntimeException e) {
      err.println("agentgateway: " + e.getMessage());
      if (demo != null) {
        demo.close();
      }
      return 1;
    }
    ShutdownSignals.install(runtime::shutdown);
    log.info(startupLine(runtime, statics, demo));
    runtime.awaitShutdown();
    if (demo != null) {
      demo.close();
    }
    return 0;
  }

  private static DemoBackend startDemo(Logger log) {
    try {
      return DemoBackend.start(DemoBackend.DEFAULT_PORT);
    } catch (RuntimeException e) {
      log.warning(
          "demo backend not started: port "
              + DemoBackend.DEFAULT_PORT
              + " is busy; the default route goes to whatever listens there");
      return null;
    }
  }

  private static String startupLine(ProxyRuntime runtime, StaticConfig statics, DemoBackend demo) {
    StringBuilder sb = new StringBuilder("agentgateway ").append(version()).append(" ready:");
    runtime.bindPorts().forEach((key, port) -> sb.append(' ').append(key).append(" on :" + port));
    sb.append("; admin ").append(address(runtime, "admin", statics.adminAddr()));
    sb.append("; stats ").append(address(runtime, "stats", statics.statsAddr()));
    sb.append("; readiness ").append(address(runtime, "readiness", statics.readinessAddr()));
    if (demo != null) {
      sb.append("; demo backend on 127.0.0.1:")
          .append(demo.port())
          .append(" (try: curl http://localhost:3000/)");
    }
    return sb.toString();
  }

  /** The configured host with the port actually bound (a configured port may be 0). */
  private static String address(ProxyRuntime runtime, String endpoint, String configured) {
    if (configured == null) {
      return "off";
    }
    HostPort hp = HostPort.parse(configured, 0);
    return new HostPort(hp.host(), runtime.port(endpoint)).authority();
  }

  /** The version from the jar manifest, or {@code dev} when run from classes. */
  static String version() {
    String v = ProxyMain.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}

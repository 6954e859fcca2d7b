package dev.agentgateway.control;

import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's command line: reads the {@code AGW_*} settings, connects to the API server the
 * usual way (in-cluster service account, {@code KUBECONFIG}, {@code ~/.kube/config}) and runs until
 * SIGTERM.
 */
public final class ControllerMain {
  static final String USAGE =
      """
      usage: agentgateway-controller [-V|--version] [-h|--help]
        Settings come from the environment (upstream agentgateway's names), e.g.
        AGW_CONTROLLER_NAME, AGW_AGENTGATEWAY_CLASS_NAME, AGW_GATEWAY_CLASS_PARAMETERS_REFS,
        AGW_XDS_MODE (plaintext|tls), AGW_XDS_AUTH (true|false), AGW_AGENTGATEWAY_XDS_SERVICE_PORT,
        AGW_DISCOVERY_NAMESPACE_SELECTORS, AGW_DISABLE_LEADER_ELECTION, AGW_LOG_LEVEL, POD_NAMESPACE.
        Health on :9093 (/healthz, /readyz), metrics on :9092 (/metrics).""";

  private ControllerMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    for (String arg : args) {
      switch (arg) {
        case "-V", "--version" -> {
          out.println("agentgateway-controller " + version());
          return 0;
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          err.println("agentgateway-controller: unknown argument " + arg);
          err.println(USAGE);
          return 2;
        }
      }
    }
    ControllerSettings settings;
    try {
      settings = ControllerSettings.fromEnv(env);
      logLevel(env.getOrDefault("AGW_LOG_LEVEL", "info"));
    } catch (IllegalArgumentException e) {
      err.println("agentgateway-controller: " + e.getMessage());
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    int[] status = {0};
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      try {
        client.getKubernetesVersion();
      } catch (RuntimeException e) {
        err.println(
            "agentgateway-controller: cannot reach the Kubernetes API server at "
                + client.getMasterUrl()
                + " (in-cluster, KUBECONFIG or ~/.kube/config): "
                + rootCause(e));
        return 1;
      }
      return serve(settings, env, client, stop, status);
    }
  }

  private static int serve(
      ControllerSettings settings,
      Map<String, String> env,
      KubernetesClient client,
      CountDownLatch stop,
      int[] status) {
    try (ControllerRuntime runtime =
        ControllerRuntime.start(
            settings,
            env,
            client,
            true,
            () -> {
              status[0] = 1; // restart to rejoin the election cleanly
              stop.countDown();
            })) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "shutdown"));
      stop.await();
      return status[0];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (RuntimeException e) {
      System.err.println("agentgateway-controller: cannot start: " + e.getMessage());
      return 1;
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void logLevel(String level) {
    Level jul =
        switch (level.toLowerCase(Locale.ROOT)) {
          case "trace" -> Level.FINEST;
          case "debug" -> Level.FINE;
          case "info" -> Level.INFO;
          case "warn", "warning" -> Level.WARNING;
          case "error" -> Level.SEVERE;
          default ->
              throw new IllegalArgumentException(
                  "AGW_LOG_LEVEL=" + level + ": expected trace, debug, info, warn or error");
        };
    Logger root = Logger.getLogger("");
    root.setLevel(jul);
    for (var handler : root.getHandlers()) {
      handler.setLevel(jul);
    }
  }

  static String version() {
    String v = ControllerMain.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

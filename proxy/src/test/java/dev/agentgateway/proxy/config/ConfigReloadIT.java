package dev.agentgateway.proxy.config;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.bodyOrError;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.oneRoute;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ConfigReloadIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path dir;
  private WebServer a;
  private WebServer b;
  private ProxyRuntime proxy;
  private int port;
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger configLogger = Logger.getLogger("dev.agentgateway.proxy.config");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() {
    a = ShellTesting.upstreamSaying("A");
    b = ShellTesting.upstreamSaying("B");
    port = freePort();
    configLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    configLogger.removeHandler(capture);
    if (proxy != null) {
      proxy.close();
    }
    a.stop();
    b.stop();
  }

  private String config(WebServer upstream) {
    return LOOPBACK_ADMIN + oneRoute(port, "main", upstream.port());
  }

  private String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Writes a new file and renames it over the old one, as most editors do. */
  private static void replaceByRename(Path file, String text) throws Exception {
    Path tmp = Files.writeString(file.resolveSibling(file.getFileName() + ".swp"), text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void routeChangesFollowTheFileAndABadFileKeepsTheLastGoodConfig() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(a));
    proxy = ShellTesting.start(parse(config(a)), file);
    assertEquals("A", bodyOrError(url()));

    replaceByRename(file, config(b));
    assertTrue(eventually(WAIT, () -> "B".equals(bodyOrError(url()))), "traffic did not move to B");
    assertTrue(proxy.metrics().configSynchronized());
    long goodVersion = proxy.state().get().version();
    assertEquals(2, goodVersion);

    Files.writeString(
        file, config(b).replace("    - name: main\n", "    - name: main\n      bogus: 1\n"));
    assertTrue(
        eventually(WAIT, () -> !proxy.metrics().configSynchronized()), "bad file was not seen");
    assertEquals("B", bodyOrError(url()));
    assertEquals(goodVersion, proxy.state().get().version());
    String metrics = bodyOrError("http://127.0.0.1:" + proxy.port("stats") + "/metrics");
    assertTrue(metrics.contains("agentgateway_config_synchronized 0\n"), metrics);
    assertTrue(
        logged.stream()
            .anyMatch(
                l ->
                    l.startsWith("WARNING config reload rejected")
                        && l.contains("binds[0].listeners[0].routes[0].bogus")),
        logged.toString());

    Files.writeString(file, config(a));
    assertTrue(eventually(WAIT, () -> "A".equals(bodyOrError(url()))), "good file not applied");
    assertTrue(proxy.metrics().configSynchronized());
    assertEquals(goodVersion + 1, proxy.state().get().version());
  }

  @Test
  void aRuleThatDoesNotCompileRefusesTheFileAndKeepsTheLastGoodConfig() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(a));
    proxy = ShellTesting.start(parse(config(a)), file);
    long goodVersion = proxy.state().get().version();

    Files.writeString(
        file,
        config(b)
            .replace(
                "    - name: main\n",
                "    - name: main\n"
                    + "      policies:\n"
                    + "        mcpAuthorization:\n"
                    + "          rules: ['mcp.tool.name == \"echo\"', 'mcp.tool.name ==']\n"));
    assertTrue(
        eventually(WAIT, () -> !proxy.metrics().configSynchronized()), "bad rule was not seen");
    assertEquals("A", bodyOrError(url()));
    assertEquals(goodVersion, proxy.state().get().version());
    assertTrue(
        logged.stream()
            .anyMatch(
                l ->
                    l.startsWith("WARNING config reload rejected")
                        && l.contains("policies.mcpAuthorization.rules[1].allow")),
        logged.toString());
  }

  @Test
  void followsAKubernetesConfigMapSymlinkSwap() throws Exception {
    // The layout kubelet writes: config.yaml -> ..data/config.yaml, ..data -> ..<timestamp>.
    Path v1 = Files.createDirectory(dir.resolve("..2026_11_28_v1"));
    Files.writeString(v1.resolve("config.yaml"), config(a));
    Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Path file =
        Files.createSymbolicLink(dir.resolve("config.yaml"), Path.of("..data", "config.yaml"));
    proxy = ShellTesting.start(parse(config(a)), file);
    assertEquals("A", bodyOrError(url()));

    Path v2 = Files.createDirectory(dir.resolve("..2026_11_28_v2"));
    Files.writeString(v2.resolve("config.yaml"), config(b));
    Path tmpLink = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
    Files.move(tmpLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    Files.delete(v1.resolve("config.yaml"));
    Files.delete(v1);

    assertTrue(eventually(WAIT, () -> "B".equals(bodyOrError(url()))), "symlink swap not seen");
    assertTrue(proxy.metrics().configSynchronized());
  }

  @Test
  void staticSettingsNeedARestart() throws Exception {
    proxy = ShellTesting.start(parse(config(a)), null);
    String louder = config(b).replace("config:\n", "config:\n  logging:\n    format: json\n");

    assertTrue(proxy.reload(louder));

    assertEquals("B", bodyOrError(url()));
    assertEquals(
        LoggingConfig.Format.TEXT, proxy.state().get().config().config().logging().format());
    assertTrue(logged.stream().anyMatch(l -> l.contains("need a restart")), logged.toString());
  }

  @Test
  void identicalContentIsNotReloaded() throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), config(a));
    proxy = ShellTesting.start(parse(config(a)), file);
    replaceByRename(file, config(a));
    Files.writeString(dir.resolve("unrelated.txt"), "noise");
    // Give the watcher time to see both events and settle.
    Thread.sleep(1000);
    assertEquals(1, proxy.state().get().version());
    assertFalse(logged.stream().anyMatch(l -> l.contains("reloaded")), logged.toString());
  }
}

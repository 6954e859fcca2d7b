package dev.agentgateway.proxy.frontend;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.LogLineFormatter;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FrontendPoliciesIT {
  private static final Pattern PATH = Pattern.compile("http\\.path=(\\S+)");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger requestLogger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(new LogLineFormatter(LoggingConfig.Format.TEXT).format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() {
    upstream = ShellTesting.upstreamSaying("ok");
    port = freePort();
    requestLogger.addHandler(capture);
  }

  @AfterEach
  void stop() {
    requestLogger.removeHandler(capture);
    if (proxy != null) {
      proxy.close();
    }
    upstream.stop();
  }

  private String config(String frontendPolicies) {
    return LOOPBACK_ADMIN
        + "frontendPolicies:\n"
        + frontendPolicies.indent(2)
        + ShellTesting.oneRoute(port, "main", upstream.port());
  }

  private int get(String path, int headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i < headers; i++) {
      b.header("x-extra-" + i, "v");
    }
    return ShellTesting.send(b.build()).statusCode();
  }

  private List<String> loggedPaths() {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = PATH.matcher(line);
      out.add(m.find() ? m.group(1) : line);
    }
    return out;
  }

  @Test
  void accessLogPolicyFollowsAReloadWithoutRestartingThePort() throws Exception {
    proxy =
        ShellTesting.start(
            parse(
                config(
                    """
                    accessLog:
                      filter: 'request.path == "/a"'
                      add: {agent: 'request.headers["user-agent"]'}
                      remove: [bytes.in]
                    """)),
            null);
    int served = proxy.bindPorts().values().iterator().next();

    assertEquals(200, get("/a", 0));
    assertEquals(200, get("/b", 0));
    assertTrue(eventually(Duration.ofSeconds(10), () -> !lines.isEmpty()), "a line is written");
    assertEquals(List.of("/a"), loggedPaths());
    assertTrue(lines.getFirst().contains("agent="), lines.toString());
    assertFalse(lines.getFirst().contains("bytes.in="), lines.toString());

    assertTrue(proxy.reload(config("accessLog: {filter: 'request.path == \"/b\"'}\n")));
    lines.clear();
    assertEquals(200, get("/a", 0));
    assertEquals(200, get("/b", 0));
    assertTrue(eventually(Duration.ofSeconds(10), () -> !lines.isEmpty()), "a line is written");
    assertEquals(List.of("/b"), loggedPaths());
    assertEquals(served, proxy.bindPorts().values().iterator().next(), "the same port serves");

    // A bad expression is refused: the last good rules keep logging.
    assertFalse(proxy.reload(config("accessLog: {filter: 'request.path =='}\n")));
    lines.clear();
    assertEquals(200, get("/a", 0));
    assertEquals(200, get("/b", 0));
    assertTrue(eventually(Duration.ofSeconds(10), () -> !lines.isEmpty()), "a line is written");
    assertEquals(List.of("/b"), loggedPaths());

    // Without a frontend accessLog, every request is logged again (config.logging has no rules).
    assertTrue(proxy.reload(ShellTesting.oneRoute(port, "main", upstream.port())));
    lines.clear();
    assertEquals(200, get("/a", 0));
    assertEquals(200, get("/b", 0));
    assertTrue(eventually(Duration.ofSeconds(10), () -> lines.size() == 2), "two lines");
  }

  @Test
  void gatewayHttpPolicyLimitsHeadersOverTheConfigsLimit() throws Exception {
    GatewayConfig base = parse(config("http: {http1MaxHeaders: 50}\n"));
    Policy tight =
        new Policy(
            "ns/tight:gateway",
            "ns/tight",
            new PolicyTarget(PolicyTarget.Kind.GATEWAY, "", null),
            RoutePolicies.NONE,
            new FrontendPolicies(
                new FrontendHttp(FrontendHttp.DEFAULT_MAX_BUFFER_SIZE, 8, 0, Duration.ofMinutes(1)),
                null,
                null,
                null,
                null));
    proxy = ShellTesting.start(with(base, tight), null);

    assertEquals(200, get("/", 0));
    assertEquals(431, get("/", 20), "the policy's limit, not the config's");

    // The policy goes: the config's own limit is back (the port restarts with it).
    proxy.state().set(dev.agentgateway.proxy.state.ProxyState.compile(base, 2));
    assertTrue(
        eventually(Duration.ofSeconds(10), () -> status("/", 20) == 200),
        "20 headers pass under the config's limit of 50");
  }

  private int status(String path, int headers) {
    try {
      return get(path, headers);
    } catch (Exception e) {
      return -1;
    }
  }

  private static GatewayConfig with(GatewayConfig c, Policy policy) {
    List<Policy> policies = new ArrayList<>(c.policies());
    policies.add(policy);
    return new GatewayConfig(
        c.config(),
        c.frontendHttp(),
        c.binds(),
        c.listeners(),
        c.routes(),
        policies,
        c.endpoints());
  }
}

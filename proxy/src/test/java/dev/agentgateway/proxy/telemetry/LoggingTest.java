package dev.agentgateway.proxy.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.LoggingConfig;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggingTest {
  private final Logger root = LogManager.getLogManager().getLogger("");
  private Handler[] savedHandlers;
  private Level savedLevel;
  private Logging logging;

  @BeforeEach
  void save() {
    savedHandlers = root.getHandlers();
    savedLevel = root.getLevel();
  }

  @AfterEach
  void restore() {
    if (logging != null) {
      logging.apply("info");
    }
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    for (Handler h : savedHandlers) {
      root.addHandler(h);
    }
    root.setLevel(savedLevel);
  }

  @Test
  void installsOneJsonLinePerRecordWithTheFilterApplied() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    logging = Logging.install(LoggingConfig.Format.JSON, "warn,proxy=debug", out);

    Logger.getLogger("dev.agentgateway.proxy.routing.Thing").fine("visible at debug");
    Logger.getLogger("com.example.Other").info("hidden: root is warn");
    Logger.getLogger(AccessLog.LOGGER_NAME).info("hidden: request follows root");
    LogFields.create(1)
        .add("n", 3)
        .log(Logger.getLogger("dev.agentgateway.proxy.x"), Level.WARNING, "with fields");

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("debug", first.get("level").asText());
    assertEquals("proxy.routing.Thing", first.get("target").asText());
    assertEquals("visible at debug", first.get("message").asText());
    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertEquals(3, second.get("n").asInt());
  }

  @Test
  void helidonStaysQuietAtInfoAndCannotReplaceOurHandler() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    logging = Logging.install(LoggingConfig.Format.TEXT, "info", out);
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .shutdownHook(false)
            .routing(r -> r.get("/", (req, res) -> res.send("x")))
            .build()
            .start();
    server.stop();
    Logger.getLogger("dev.agentgateway.proxy.Probe").info("still ours");

    String text = out.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("Started all channels"), text);
    assertTrue(text.endsWith("  info  proxy.Probe  still ours\n"), text);
    assertEquals(1, root.getHandlers().length);
  }

  @Test
  void changingTheFilterAtRunTimeResetsEarlierTargets() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    logging = Logging.install(LoggingConfig.Format.TEXT, "info,http=trace", out);
    assertEquals(Level.FINEST, Logger.getLogger("dev.agentgateway.proxy.http").getLevel());

    List<String> problems = logging.apply("error,bogus=loud");

    assertEquals(1, problems.size());
    assertEquals(null, Logger.getLogger("dev.agentgateway.proxy.http").getLevel());
    assertEquals(Level.SEVERE, root.getLevel());
    assertEquals("error,bogus=loud", logging.levels());
  }
}

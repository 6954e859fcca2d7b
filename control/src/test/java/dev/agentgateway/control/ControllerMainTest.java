package dev.agentgateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return ControllerMain.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsVersionAndHelp() {
    assertEquals(0, run(Map.of(), "-V"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("agentgateway-controller "));
    assertEquals(0, run(Map.of(), "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("AGW_XDS_MODE"));
  }

  @Test
  void unknownArgumentIsAUsageError() {
    assertEquals(2, run(Map.of(), "--nope"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument --nope"));
  }

  @Test
  void badSettingNamesTheVariableAndFails() {
    assertEquals(1, run(Map.of("AGW_AGENTGATEWAY_XDS_SERVICE_PORT", "x")));
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("AGW_AGENTGATEWAY_XDS_SERVICE_PORT=x"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(1, run(Map.of("AGW_LOG_LEVEL", "loud")));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("AGW_LOG_LEVEL=loud"));
  }
}

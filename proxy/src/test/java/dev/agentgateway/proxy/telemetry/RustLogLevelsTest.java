package dev.agentgateway.proxy.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class RustLogLevelsTest {

  @Test
  void aBareLevelSetsTheRoot() {
    LogLevels levels = LogLevels.parse("warn");
    assertEquals(Level.WARNING, levels.root());
    assertEquals(Map.of(), levels.loggers());
    assertEquals(List.of(), levels.problems());
  }

  @Test
  void targetsMapOntoOurPackages() {
    LogLevels levels = LogLevels.parse("warn,proxy=debug,http=trace,xds=error,config=off");
    assertEquals(Level.WARNING, levels.root());
    assertEquals(
        Map.of(
            "dev.agentgateway.proxy", Level.FINE,
            "dev.agentgateway.proxy.http", Level.FINEST,
            "dev.agentgateway.proxy.xds", Level.SEVERE,
            "dev.agentgateway.proxy.config", Level.OFF),
        levels.loggers());
  }

  @Test
  void upstreamCrateTargetsDropTheirPrefix() {
    LogLevels levels =
        LogLevels.parse("debug,agentgateway::http=trace,agentgateway=info,request=warn");
    assertEquals(Level.FINE, levels.root());
    assertEquals(Level.FINEST, levels.loggers().get("dev.agentgateway.proxy.http"));
    assertEquals(Level.INFO, levels.loggers().get("dev.agentgateway"));
    assertEquals(Level.WARNING, levels.loggers().get("request"));
  }

  @Test
  void unknownTargetsAreRawLoggerNamesAndHelidonIsKnown() {
    LogLevels levels = LogLevels.parse("com.example.Thing=debug,helidon::webserver=trace");
    assertEquals(Level.FINE, levels.loggers().get("com.example.Thing"));
    assertEquals(Level.FINEST, levels.loggers().get("io.helidon.webserver"));
  }

  @Test
  void aTargetWithoutALevelMeansTrace() {
    assertEquals(
        Level.FINEST, LogLevels.parse("routing").loggers().get("dev.agentgateway.proxy.routing"));
  }

  @Test
  void badDirectivesAreReportedAndSkipped() {
    LogLevels levels = LogLevels.parse(" info , proxy=loud, =debug,x y ,");
    assertEquals(Level.INFO, levels.root());
    assertEquals(Map.of(), levels.loggers());
    assertEquals(3, levels.problems().size(), levels.problems().toString());
    assertTrue(levels.problems().get(0).contains("unknown level"), levels.problems().toString());
  }

  @Test
  void levelsAreCaseInsensitiveAndRoundTripToNames() {
    assertEquals(Level.SEVERE, LogLevels.parse("ERROR").root());
    assertEquals("trace", LogLevels.name(Level.FINEST));
    assertEquals("debug", LogLevels.name(Level.FINE));
    assertEquals("debug", LogLevels.name(Level.CONFIG));
    assertEquals("info", LogLevels.name(Level.INFO));
    assertEquals("warn", LogLevels.name(Level.WARNING));
    assertEquals("error", LogLevels.name(Level.SEVERE));
  }
}

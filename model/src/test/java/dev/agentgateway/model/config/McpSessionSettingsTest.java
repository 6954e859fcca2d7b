package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.StaticConfig;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config.session.key}, {@code SESSION_KEY} and {@code config.mcp.sessionTtl}. */
class McpSessionSettingsTest {
  private static final String KEY =
      "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";
  private static final String OTHER_KEY = "ab".repeat(32);

  /** 64 characters, but not hex: a secret that is merely malformed. */
  private static final String BAD_KEY = "zz" + "9f".repeat(31);

  private static StaticConfig load(String text, Map<String, String> env) throws ConfigException {
    return new LocalConfigLoader(env).parse(text).config();
  }

  @Test
  void defaultsAreNoKeyAndThirtyMinutes() throws ConfigException {
    assertNull(StaticConfig.DEFAULT.sessionKey());
    assertEquals(Duration.ofMinutes(30), StaticConfig.DEFAULT.mcpSessionTtl());
    assertEquals(StaticConfig.DEFAULT, load("", Map.of()));
    assertEquals(StaticConfig.DEFAULT, load("config: {mcp: {}}", Map.of()));
  }

  @Test
  void sessionKeyAndTtlAreReadFromTheFile() throws ConfigException {
    StaticConfig c =
        load("config: {session: {key: " + KEY + "}, mcp: {sessionTtl: 1h30m}}", Map.of());
    assertArrayEquals(HexFormat.of().parseHex(KEY), c.sessionKey().bytes());
    assertEquals(SessionKey.BYTES, c.sessionKey().bytes().length);
    assertEquals(Duration.ofMinutes(90), c.mcpSessionTtl());
  }

  @Test
  void sessionKeyExpandsFromTheEnvironment() throws ConfigException {
    StaticConfig c = load("config: {session: {key: $MY_KEY}}", Map.of("MY_KEY", KEY));
    assertEquals(new SessionKey(KEY), c.sessionKey());
  }

  @Test
  void sessionKeyVariableOverridesTheFile() throws ConfigException {
    StaticConfig c =
        load("config: {session: {key: " + KEY + "}}", Map.of("SESSION_KEY", OTHER_KEY + "\n"));
    assertEquals(new SessionKey(OTHER_KEY), c.sessionKey());
    assertEquals(
        new SessionKey(OTHER_KEY), load("", Map.of("SESSION_KEY", OTHER_KEY)).sessionKey());
  }

  @Test
  void badKeysAreReportedWithoutTheirValue() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    "config: {session: {key: \"" + BAD_KEY + "\"}}",
                    Map.of("SESSION_KEY", BAD_KEY.substring(2))));
    assertEquals(
        List.of(
            new ConfigError("config.session.key", SessionKey.PROBLEM),
            new ConfigError("env.SESSION_KEY", SessionKey.PROBLEM)),
        e.errors());
    assertEquals(
        "must be 64 hex digits (32 bytes, e.g. from openssl rand -hex 32)", SessionKey.PROBLEM);
    assertFalse(e.getMessage().contains("9f9f"), e.getMessage());
  }

  @Test
  void sessionSectionProblemsNameTheirField() {
    assertEquals(
        List.of(
            new ConfigError("config.session.key", "\"key\" is required"),
            new ConfigError(
                "config.mcp.sessionTTL",
                "unknown field \"sessionTTL\" (did you mean \"sessionTtl\"?)"),
            new ConfigError("config.mcp.sessionTtl", "must be more than 0s")),
        ConfigErrorsTest.errors("config: {session: {}, mcp: {sessionTTL: 5m, sessionTtl: 0s}}\n"));
    assertEquals(
        List.of(
            new ConfigError(
                "config.mcp.sessionTtl",
                "invalid duration: unknown unit (use ns, us, ms, s, m or h)")),
        ConfigErrorsTest.errors("config: {mcp: {sessionTtl: 5x}}\n"));
  }

  @Test
  void theKeyIsRedactedInDumpsAndStrings() throws Exception {
    var config = new LocalConfigLoader(Map.of()).parse("config: {session: {key: " + KEY + "}}\n");
    String dump = ConfigJson.render(config);
    JsonNode tree = new ObjectMapper().readTree(dump);
    assertEquals("<redacted>", tree.at("/config/sessionKey").asText());
    assertEquals("30m0s", tree.at("/config/mcpSessionTtl").asText());
    assertFalse(dump.toLowerCase().contains("00112233"), dump);
    assertFalse(config.toString().toLowerCase().contains("00112233"), config.toString());
    assertEquals("SessionKey[<redacted>]", config.config().sessionKey().toString());
  }

  @Test
  void sessionKeyRefusesAnythingButSixtyFourHexDigits() {
    for (String bad : List.of("", "ab".repeat(31), "ab".repeat(33), BAD_KEY, "٣".repeat(64))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new SessionKey(bad));
      assertEquals(SessionKey.PROBLEM, e.getMessage());
    }
  }
}

package dev.agentgateway.proxy.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * A log filter in RUST_LOG syntax ({@code info}, {@code warn,proxy=debug}, {@code
 * debug,agentgateway::http=trace}) mapped onto java.util.logging.
 *
 * <p>Levels: trace=FINEST, debug=FINE, info=INFO, warn=WARNING, error=SEVERE, off=OFF. Targets: a
 * leading {@code agentgateway::} is dropped and {@code ::} becomes {@code .}; the first segment
 * {@code proxy} maps to {@code dev.agentgateway.proxy}, and {@code http}, {@code routing}, {@code
 * xds}, {@code mcp}, {@code llm}, {@code a2a}, {@code policy}, {@code admin}, {@code config},
 * {@code server}, {@code state}, {@code telemetry}, {@code websocket} and {@code demo} map to
 * {@code dev.agentgateway.proxy.<name>}; {@code agentgateway} maps to {@code dev.agentgateway},
 * {@code helidon} to {@code io.helidon} and {@code request} stays the access-log logger. Any other
 * target is used as a raw logger name. A target without a level means trace, as in RUST_LOG.
 *
 * @param root the level of the root logger
 * @param loggers levels of named loggers, in the order given
 * @param problems directives that were ignored, each with the reason
 */
public record LogLevels(Level root, Map<String, Level> loggers, List<String> problems) {
  private static final String PROXY = "dev.agentgateway.proxy";
  private static final List<String> PROXY_PACKAGES =
      List.of(
          "http",
          "routing",
          "xds",
          "mcp",
          "llm",
          "a2a",
          "policy",
          "admin",
          "config",
          "server",
          "state",
          "telemetry",
          "websocket",
          "demo");

  public LogLevels {
    loggers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loggers));
    problems = List.copyOf(problems);
  }

  /** Parses {@code spec}; bad directives are skipped and listed in {@link #problems()}. */
  public static LogLevels parse(String spec) {
    Level root = Level.INFO;
    Map<String, Level> loggers = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String raw : (spec == null ? "" : spec).split(",")) {
      String directive = raw.strip();
      if (directive.isEmpty()) {
        continue;
      }
      int eq = directive.indexOf('=');
      if (eq < 0) {
        Level level = level(directive);
        if (level != null) {
          root = level;
        } else if (validTarget(directive)) {
          loggers.put(loggerName(directive), Level.FINEST);
        } else {
          problems.add("'" + directive + "': not a level or a target");
        }
        continue;
      }
      String target = directive.substring(0, eq).strip();
      Level level = level(directive.substring(eq + 1).strip());
      if (!validTarget(target)) {
        problems.add("'" + directive + "': bad target '" + target + "'");
      } else if (level == null) {
        problems.add(
            "'" + directive + "': unknown level (use trace, debug, info, warn, error or off)");
      } else {
        loggers.put(loggerName(target), level);
      }
    }
    return new LogLevels(root, loggers, problems);
  }

  /** The JUL level for a RUST_LOG level name, or {@code null}. */
  static Level level(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "trace" -> Level.FINEST;
      case "debug" -> Level.FINE;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARNING;
      case "error" -> Level.SEVERE;
      case "off" -> Level.OFF;
      default -> null;
    };
  }

  /** The RUST_LOG level name of a JUL level. */
  static String name(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "error";
    } else if (v >= Level.WARNING.intValue()) {
      return "warn";
    } else if (v >= Level.INFO.intValue()) {
      return "info";
    } else if (v >= Level.FINE.intValue()) {
      return "debug";
    }
    return "trace";
  }

  private static boolean validTarget(String target) {
    if (target.isEmpty()) {
      return false;
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':')) {
        return false;
      }
    }
    return true;
  }

  /** The java.util.logging logger name for a RUST_LOG target. */
  static String loggerName(String target) {
    String name = target.replace("::", ".");
    if (name.equals("agentgateway")) {
      return "dev.agentgateway";
    }
    if (name.startsWith("agentgateway.")) {
      name = name.substring("agentgateway.".length());
    }
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    String rest = dot < 0 ? "" : name.substring(dot);
    if (first.equals("proxy")) {
      return PROXY + rest;
    }
    if (PROXY_PACKAGES.contains(first)) {
      return PROXY + "." + first + rest;
    }
    if (first.equals("helidon")) {
      return "io.helidon" + rest;
    }
    return name;
  }
}

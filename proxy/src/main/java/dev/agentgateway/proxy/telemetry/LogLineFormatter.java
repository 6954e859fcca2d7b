package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.model.ir.LoggingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats one log record as one line: {@code text} ({@code time level target message k=v ...}) or
 * {@code json} (one object with {@code time}, {@code level}, {@code target}, {@code message} and
 * the fields).
 */
public final class LogLineFormatter extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String OUR_PREFIX = "dev.agentgateway.";

  private final LoggingConfig.Format format;

  public LogLineFormatter(LoggingConfig.Format format) {
    this.format = format;
  }

  /** The parts of one line, rendered by {@link #text} or {@link #json}. */
  private record Line(
      String time,
      String level,
      String target,
      String message,
      LogFields fields,
      Throwable thrown) {}

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    Line line =
        new Line(
            TIME.format(record.getInstant()),
            LogLevels.name(record.getLevel()),
            target(record.getLoggerName()),
            message == null ? "" : message,
            LogFields.of(record),
            record.getThrown());
    StringBuilder out = new StringBuilder(256);
    if (format == LoggingConfig.Format.JSON) {
      json(line, out);
    } else {
      text(line, out);
    }
    return out.append('\n').toString();
  }

  private static void text(Line line, StringBuilder out) {
    out.append(line.time()).append("  ").append(line.level()).append("  ").append(line.target());
    if (!line.message().isEmpty()) {
      out.append("  ");
      appendEscapedLine(line.message(), out);
    }
    LogFields fields = line.fields();
    if (fields != null && fields.size() > 0) {
      out.append("  ");
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        out.append(fields.key(i)).append('=');
        appendTextValue(fields.value(i), out);
      }
    }
    if (line.thrown() != null) {
      out.append('\n').append(stackTrace(line.thrown()).stripTrailing());
    }
  }

  private static void json(Line line, StringBuilder out) {
    out.append("{\"time\":\"").append(line.time()).append("\",\"level\":\"").append(line.level());
    out.append("\",\"target\":");
    appendJsonString(line.target(), out);
    out.append(",\"message\":");
    appendJsonString(line.message(), out);
    LogFields fields = line.fields();
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        out.append(',');
        appendJsonString(fields.key(i), out);
        out.append(':');
        Object v = fields.value(i);
        if (v instanceof Number || v instanceof Boolean) {
          out.append(v);
        } else {
          appendJsonString(String.valueOf(v), out);
        }
      }
    }
    Throwable thrown = line.thrown();
    if (thrown != null) {
      out.append(",\"error\":");
      appendJsonString(String.valueOf(thrown), out);
      out.append(",\"stack\":");
      appendJsonString(stackTrace(thrown), out);
    }
    out.append('}');
  }

  /**
   * A short logger name: ours without {@code dev.agentgateway.}, others with packages abbreviated
   * ({@code io.helidon.webserver.LoomServer} becomes {@code i.h.w.LoomServer}).
   */
  static String target(String loggerName) {
    if (loggerName == null || loggerName.isEmpty()) {
      return "root";
    }
    if (loggerName.startsWith(OUR_PREFIX)) {
      return loggerName.substring(OUR_PREFIX.length());
    }
    int last = loggerName.lastIndexOf('.');
    if (last < 0) {
      return loggerName;
    }
    StringBuilder sb = new StringBuilder();
    int start = 0;
    while (start < last) {
      sb.append(loggerName.charAt(start)).append('.');
      start = loggerName.indexOf('.', start) + 1;
    }
    return sb.append(loggerName, last + 1, loggerName.length()).toString();
  }

  private static void appendEscapedLine(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append(c);
      }
    }
  }

  private static void appendTextValue(Object value, StringBuilder out) {
    String s = String.valueOf(value);
    boolean plain = !s.isEmpty();
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != 0x7f;
    }
    if (plain) {
      out.append(s);
    } else {
      appendJsonString(s, out);
    }
  }

  /** Appends {@code s} as a JSON string literal (quoted, escaped). */
  static void appendJsonString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter sw = new StringWriter();
    thrown.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}

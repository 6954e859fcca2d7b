package dev.agentgateway.proxy.telemetry;

import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Ordered {@code key=value} fields of one log line; carried as the first parameter of a {@link
 * LogRecord} so both formatters render them (text: {@code k=v}, json: object members).
 */
public final class LogFields {
  private Object[] keyValues;
  private int size;

  private LogFields(int expected) {
    this.keyValues = new Object[expected * 2];
  }

  /** An empty field list sized for about {@code expected} fields. */
  public static LogFields create(int expected) {
    return new LogFields(Math.max(expected, 1));
  }

  /** Adds a field; {@code value} is a String, a Number or a Boolean. */
  public LogFields add(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (size * 2 == keyValues.length) {
      keyValues = Arrays.copyOf(keyValues, keyValues.length * 2);
    }
    keyValues[size * 2] = key;
    keyValues[size * 2 + 1] = value;
    size++;
    return this;
  }

  /** Adds a field only when {@code value} is neither null nor empty. */
  public LogFields addIfPresent(String key, String value) {
    return value == null || value.isEmpty() ? this : add(key, value);
  }

  /** A copy without the fields named in {@code names}. */
  public LogFields without(java.util.Set<String> names) {
    LogFields out = new LogFields(size);
    for (int i = 0; i < size; i++) {
      if (!names.contains(key(i))) {
        out.add(key(i), value(i));
      }
    }
    return out;
  }

  /** Number of fields. */
  public int size() {
    return size;
  }

  /** The key of field {@code i}. */
  public String key(int i) {
    return (String) keyValues[i * 2];
  }

  /** The value of field {@code i}. */
  public Object value(int i) {
    return keyValues[i * 2 + 1];
  }

  /** Logs {@code message} with these fields on {@code logger} (if the level is enabled). */
  public void log(Logger logger, Level level, String message) {
    if (!logger.isLoggable(level)) {
      return;
    }
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger.getName());
    record.setParameters(new Object[] {this});
    logger.log(record);
  }

  /** The fields attached to {@code record}, or {@code null}. */
  static LogFields of(LogRecord record) {
    Object[] params = record.getParameters();
    if (params != null && params.length > 0 && params[0] instanceof LogFields fields) {
      return fields;
    }
    return null;
  }
}

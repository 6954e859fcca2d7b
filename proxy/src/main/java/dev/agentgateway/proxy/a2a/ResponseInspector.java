package dev.agentgateway.proxy.a2a;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the outcome of an A2A JSON-RPC call out of its response as the body streams past: a JSON
 * body, or the {@code data:} of each server-sent event (the last event wins). Bytes are fed to a
 * non-blocking JSON parser, so nothing is held but the parser's current token. Handles v0.3 ({@code
 * result.kind}, {@code result.status.state}) and v1.0 ({@code result.task} / {@code result.message}
 * / {@code result.statusUpdate} / {@code result.artifactUpdate}) shapes. Values are logged as the
 * agent sent them.
 */
final class ResponseInspector {
  /** Past this many bytes a document is no longer parsed (its later fields are not logged). */
  private static final int MAX_DOCUMENT = 1 << 20;

  private static final int MAX_DEPTH = 5;
  private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};
  private static final byte[] NEWLINE = {'\n'};
  private static final Set<String> V1_RESULTS =
      Set.of("task", "message", "statusUpdate", "artifactUpdate");
  private static final Set<String> V1_WITH_STATUS = Set.of("task", "statusUpdate");

  private enum Line {
    START,
    AFTER_COLON,
    DATA,
    SKIP
  }

  private final JsonFactory factory;
  private final boolean sse;

  private JsonParser parser;
  private ByteArrayFeeder feeder;
  private long fed;
  private boolean broken;
  private final String[] names = new String[MAX_DEPTH];
  private final boolean[] arrays = new boolean[MAX_DEPTH];
  private int depth;
  private String pending;

  private Line line = Line.START;
  private int matched;
  private boolean dataLineSeen;

  private String outcome;
  private String resultKind;
  private String taskState;
  private Long errorCode;

  ResponseInspector(JsonFactory factory, boolean sse) {
    this.factory = factory;
    this.sse = sse;
  }

  /** The next body bytes. */
  void bytes(byte[] b, int off, int len) {
    if (!sse) {
      feed(b, off, len);
      return;
    }
    int end = off + len;
    int i = off;
    while (i < end) {
      switch (line) {
        case DATA, SKIP -> {
          int nl = indexOfNewline(b, i, end);
          if (line == Line.DATA) {
            feed(b, i, (nl < 0 ? end : nl) - i);
          }
          if (nl < 0) {
            return;
          }
          line = Line.START;
          matched = 0;
          i = nl + 1;
        }
        case AFTER_COLON -> {
          line = Line.DATA;
          if (dataLineSeen) {
            // Lines of one event's data join with a newline.
            feed(NEWLINE, 0, 1);
          }
          dataLineSeen = true;
          if (b[i] == ' ') {
            i++;
          }
        }
        case START -> {
          byte c = b[i++];
          if (c == '\r') {
            continue;
          }
          if (c == '\n') {
            if (matched == 0) {
              endEvent();
            }
            matched = 0;
          } else if (c == DATA[matched]) {
            matched++;
            if (matched == DATA.length) {
              line = Line.AFTER_COLON;
            }
          } else {
            line = Line.SKIP;
          }
        }
      }
    }
  }

  private static int indexOfNewline(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void endEvent() {
    closeParser();
    broken = false;
    dataLineSeen = false;
  }

  private void feed(byte[] b, int off, int len) {
    if (broken || len == 0) {
      return;
    }
    fed += len;
    if (fed > MAX_DOCUMENT) {
      broken = true;
      closeParser();
      return;
    }
    try {
      if (parser == null) {
        parser = factory.createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        depth = 0;
        pending = null;
      }
      feeder.feedInput(b, off, off + len);
      for (JsonToken t = parser.nextToken();
          t != null && t != JsonToken.NOT_AVAILABLE;
          t = parser.nextToken()) {
        token(t);
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON after all (or not the shape we know): stop reading this document.
      broken = true;
      closeParser();
    }
  }

  private void closeParser() {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // Nothing to release but memory.
      }
      parser = null;
      feeder = null;
      fed = 0;
    }
  }

  private void token(JsonToken t) throws IOException {
    switch (t) {
      case FIELD_NAME -> pending = parser.currentName();
      case START_OBJECT, START_ARRAY -> {
        String name = valueName();
        container(name, t == JsonToken.START_ARRAY);
        if (depth < MAX_DEPTH) {
          names[depth] = name;
          arrays[depth] = t == JsonToken.START_ARRAY;
        }
        depth++;
        pending = null;
      }
      case END_OBJECT, END_ARRAY -> {
        depth--;
        pending = null;
      }
      default -> scalar(valueName(), t);
    }
  }

  private String valueName() {
    if (depth == 0) {
      return "";
    }
    return depth <= MAX_DEPTH && arrays[depth - 1] ? "[]" : pending;
  }

  /** True when the open containers are the root object, then {@code path}. */
  private boolean at(String... path) {
    if (depth != path.length + 1 || arrays[0]) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (!path[i].equals(names[i + 1])) {
        return false;
      }
    }
    return true;
  }

  private void container(String name, boolean array) {
    if (at()) {
      if ("result".equals(name)) {
        outcome = "success";
      } else if ("error".equals(name) && !array) {
        outcome = "error";
      }
    } else if (at("result") && !array && V1_RESULTS.contains(name)) {
      resultKind = name;
    }
  }

  private void scalar(String name, JsonToken t) throws IOException {
    if (at()) {
      if ("result".equals(name) && t != JsonToken.VALUE_NULL) {
        outcome = "success";
      } else if ("error".equals(name) && t != JsonToken.VALUE_NULL) {
        outcome = "error";
      }
      return;
    }
    if (t == JsonToken.VALUE_NUMBER_INT && "code".equals(name) && at("error")) {
      errorCode = parser.getLongValue();
    } else if (t == JsonToken.VALUE_STRING) {
      if ("kind".equals(name) && at("result")) {
        resultKind = parser.getText();
      } else if ("state".equals(name)
          && (at("result", "status")
              || (depth == 4
                  && V1_WITH_STATUS.contains(names[2])
                  && at("result", names[2], "status")))) {
        taskState = parser.getText();
      }
    }
  }

  /** The fields learnt so far, in log order. */
  void addFields(List<RequestLog.Field> out) {
    if (taskState != null) {
      out.add(new RequestLog.Field("a2a.task.state", taskState));
    }
    if (resultKind != null) {
      out.add(new RequestLog.Field("a2a.result.kind", resultKind));
    }
    if (outcome != null) {
      out.add(new RequestLog.Field("a2a.response.outcome", outcome));
    }
    if (errorCode != null) {
      out.add(new RequestLog.Field("a2a.response.error_code", errorCode));
    }
  }

  /** The fields learnt so far, for tests. */
  List<RequestLog.Field> fields() {
    List<RequestLog.Field> out = new ArrayList<>();
    addFields(out);
    return out;
  }
}

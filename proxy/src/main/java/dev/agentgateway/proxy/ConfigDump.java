package dev.agentgateway.proxy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.agentgateway.model.ir.GatewayConfig;
import java.io.IOException;
import java.time.Duration;

/** Renders the IR as JSON for {@code /config_dump}. */
final class ConfigDump {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(new SimpleModule().addSerializer(Duration.class, new DurationJson()));

  private ConfigDump() {}

  static String render(GatewayConfig config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the config as JSON", e);
    }
  }

  /** Durations as {@code 10s} or {@code 1500ms}, as the config file writes them. */
  private static final class DurationJson extends StdSerializer<Duration> {
    private static final long serialVersionUID = 1L;

    DurationJson() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration d, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      long ms = d.toMillis();
      gen.writeString(ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms");
    }
  }
}

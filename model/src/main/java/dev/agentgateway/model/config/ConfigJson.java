package dev.agentgateway.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.SessionKey;
import dev.agentgateway.model.ir.TracingConfig;
import dev.agentgateway.model.ir.ValueMatch;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link GatewayConfig} as pretty JSON for the admin {@code /config_dump} endpoint.
 *
 * <p>Records become objects keyed by component name (null components are left out). Variants that
 * have a YAML spelling keep it ({@code {"pathPrefix": "/"}}, {@code "auto"}, {@code {"host":
 * "h:80"}}); any other variant of a sealed interface gets a {@code "type"} field. Durations are
 * Go-style strings such as {@code "1m30s"}. Values of credential headers, stdio targets'
 * environment values, the session key and every {@link Secret} (backend keys) are redacted.
 */
public final class ConfigJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writer();
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
  static final String REDACTED = "<redacted>";

  private ConfigJson() {}

  /** The config as indented JSON text. */
  public static String render(GatewayConfig config) {
    try {
      return WRITER.writeValueAsString(tree(config));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serializes
    }
  }

  /** The config as a JSON tree. */
  public static JsonNode tree(GatewayConfig config) {
    return node(config);
  }

  /** Any IR value as a JSON tree. */
  static JsonNode node(Object v) {
    return switch (v) {
      case null -> NODES.nullNode();
      case String s -> NODES.textNode(s);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case Double d -> NODES.numberNode(d);
      case Boolean b -> NODES.booleanNode(b);
      case Duration d -> NODES.textNode(Durations.format(d));
      case LoggingConfig.Format f -> NODES.textNode(f.name().toLowerCase(Locale.ROOT));
      case Enum<?> e -> NODES.textNode(e.name());
      case Set<?> set -> array(sorted(set));
      case Collection<?> list -> array(list);
      case Map<?, ?> map -> object(map);
      case PathMatch.Exact p -> single("exact", p.value());
      case PathMatch.Prefix p -> single("pathPrefix", p.value());
      case PathMatch.Regex p -> single("regex", p.pattern());
      case ValueMatch.Exact m -> single("exact", m.value());
      case ValueMatch.Regex m -> single("regex", m.pattern());
      case PathRewrite.Full p -> single("full", p.path());
      case PathRewrite.Prefix p -> single("prefix", p.prefix());
      case AuthorityRewrite.Full a -> single("full", a.authority());
      case AuthorityRewrite.Host a -> single("host", a.host());
      case AuthorityRewrite.Port a -> single("port", a.port());
      case AuthorityRewrite.Auto a -> NODES.textNode("auto");
      case AuthorityRewrite.None a -> NODES.textNode("none");
      case Backend.Host h -> single("host", h.authority());
      case Backend.Service s -> service(s);
      case HeaderValue h -> header(h);
      // A child's environment commonly carries API keys: names only.
      case McpTarget.EnvVar e -> single(e.name(), REDACTED);
      case SessionKey k -> NODES.textNode(REDACTED);
      case Secret k -> NODES.textNode(REDACTED);
      case TracingConfig t -> tracing(t);
      case Record r -> record(r);
      default -> NODES.textNode(v.toString());
    };
  }

  private static JsonNode single(String key, Object v) {
    ObjectNode node = NODES.objectNode();
    node.set(key, node(v));
    return node;
  }

  /** Upstream's spelling: {@code service: {name: <namespace>/<hostname>, port: <port>}}. */
  private static JsonNode service(Backend.Service s) {
    ObjectNode node = NODES.objectNode();
    ObjectNode outer = NODES.objectNode();
    outer.set("service", node);
    node.put("name", s.namespace() + "/" + s.serviceName());
    node.put("port", s.port());
    return outer;
  }

  private static JsonNode header(HeaderValue h) {
    ObjectNode node = NODES.objectNode();
    node.put("name", h.name());
    node.put(
        "value", SECRET_HEADERS.contains(h.name().toLowerCase(Locale.ROOT)) ? REDACTED : h.value());
    return node;
  }

  private static JsonNode record(Record r) {
    ObjectNode node = NODES.objectNode();
    if (isSealedVariant(r.getClass())) {
      node.put("type", r.getClass().getSimpleName());
    }
    for (RecordComponent component : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = component.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (v != null) {
        node.set(component.getName(), node(v));
      }
    }
    return node;
  }

  private static boolean isSealedVariant(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isSealed()) {
        return true;
      }
    }
    return false;
  }

  private static Collection<?> sorted(Set<?> set) {
    if (set.stream().allMatch(e -> e instanceof Comparable<?>)) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Collection<?> sorted = new TreeSet(set);
      return sorted;
    }
    return List.copyOf(set);
  }

  private static ArrayNode array(Collection<?> items) {
    ArrayNode array = NODES.arrayNode();
    for (Object item : items) {
      array.add(node(item));
    }
    return array;
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode node = NODES.objectNode();
    map.forEach((k, v) -> node.set(String.valueOf(k), node(v)));
    return node;
  }

  /** Collector headers usually carry an API key: only their names are shown. */
  private static JsonNode tracing(TracingConfig tracing) {
    ObjectNode node = (ObjectNode) record(tracing);
    ObjectNode headers = NODES.objectNode();
    tracing.headers().keySet().stream().sorted().forEach(name -> headers.put(name, REDACTED));
    node.set("headers", headers);
    return node;
  }
}

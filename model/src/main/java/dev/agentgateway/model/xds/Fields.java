package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Field checks while decoding one resource; every failure names the resource and the field. */
final class Fields {

  private final String resource;

  Fields(String resource) {
    this.resource = resource;
  }

  /** Checks for a resource named {@code <kind>/<key>}; an empty key is itself a failure. */
  static Fields keyed(String kind, String key) {
    if (key.isEmpty()) {
      throw new InvalidResourceException(kind, "key", "required");
    }
    return new Fields(kind + "/" + key);
  }

  InvalidResourceException fail(String field, String reason) {
    return new InvalidResourceException(resource, field, reason);
  }

  /** A string that must not be empty (proto3 cannot tell empty from absent). */
  String required(String field, String value) {
    if (value.isEmpty()) {
      throw fail(field, "required");
    }
    return value;
  }

  /** A string that must hold more than whitespace (the IR refuses blank names). */
  String nonBlank(String field, String value) {
    if (required(field, value).isBlank()) {
      throw fail(field, "must not be blank");
    }
    return value;
  }

  /** Decodes each item, passing it its path {@code field[i]}. */
  <P, T> List<T> list(String field, List<P> items, BiFunction<String, P, T> decode) {
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(decode.apply(field + "[" + i + "]", items.get(i)));
    }
    return out;
  }

  int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw fail(field, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  int port(String field, int value) {
    return range(field, value, 1, 65535);
  }

  /** A regular expression that compiles; the proxy compiles it again once per state. */
  String regex(String field, String pattern) {
    try {
      Pattern.compile(pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      throw fail(field, "invalid regular expression: " + e.getDescription());
    }
  }

  Duration duration(String field, com.google.protobuf.Duration d) {
    if (d.getSeconds() < 0 || d.getNanos() < 0 || d.getNanos() > 999_999_999) {
      throw fail(field, "must be a non-negative duration");
    }
    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }

  Backend backend(String field, boolean present, dev.agentgateway.model.xds.proto.Backend p) {
    if (!present) {
      throw fail(field, "required");
    }
    return switch (p.getKindCase()) {
      case HOST ->
          new Backend.Host(
              required(field + ".host.hostname", p.getHost().getHostname()),
              port(field + ".host.port", p.getHost().getPort()));
      case SERVICE ->
          new Backend.Service(
              nonBlank(field + ".service.namespace", p.getService().getNamespace()),
              nonBlank(field + ".service.name", p.getService().getName()),
              port(field + ".service.port", p.getService().getPort()));
      case A2A -> {
        dev.agentgateway.model.xds.proto.Backend.A2a a = p.getA2A();
        yield new Backend.A2a(plain(field + ".a2a.upstream", a.hasUpstream(), a.getUpstream()));
      }
      case MCP -> new AgentBackendsToIr(this).mcp(field + ".mcp", p.getMcp());
      case AI -> new AgentBackendsToIr(this).ai(field + ".ai", p.getAi());
      case KIND_NOT_SET -> throw fail(field, "no kind set (host, service, a2a, mcp or ai)");
    };
  }

  /** A backend that must be a host or a Service, as protocol backends' upstreams are. */
  Backend plain(String field, boolean present, dev.agentgateway.model.xds.proto.Backend p) {
    Backend b = backend(field, present, p);
    if (!(b instanceof Backend.Host || b instanceof Backend.Service)) {
      throw fail(field, "must be a host or a service");
    }
    return b;
  }

  /** Turns an IR constructor's refusal into a failure naming {@code field}. */
  <T> T checked(String field, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw fail(field, e.getMessage());
    }
  }
}

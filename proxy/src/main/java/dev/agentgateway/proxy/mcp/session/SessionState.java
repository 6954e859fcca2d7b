package dev.agentgateway.proxy.mcp.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a gateway session needs to be resumed on any replica: per target, the upstream session id
 * and the endpoint it was created against. Sealed into the {@code Mcp-Session-Id} header by {@link
 * SessionCodec}.
 *
 * @param id the gateway session's own id, stable across resumptions, for logs and correlation
 * @param targets one entry per target, names unique
 * @param createdAt when the session was created (millisecond precision survives sealing)
 */
public record SessionState(UUID id, List<Target> targets, Instant createdAt) {
  /** More targets than any real multiplexed backend has; bounds what a sealed id may carry. */
  public static final int MAX_TARGETS = 256;

  /** Longest target name, upstream session id or endpoint, in UTF-8 bytes. */
  public static final int MAX_STRING_BYTES = 1024;

  public SessionState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    if (targets.size() > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "a session has at most " + MAX_TARGETS + " targets, got " + targets.size());
    }
    Set<String> names = new HashSet<>();
    for (Target target : targets) {
      if (!names.add(target.name())) {
        throw new IllegalArgumentException("duplicate target name '" + target.name() + "'");
      }
    }
    // Sealing keeps milliseconds only; truncating here makes a round trip return an equal record.
    createdAt = Instant.ofEpochMilli(createdAt.toEpochMilli());
  }

  /** A new session with a random id, created now. */
  public static SessionState create(List<Target> targets, Instant now) {
    return new SessionState(UUID.randomUUID(), targets, now);
  }

  /** The target named {@code name}, or null. */
  public Target target(String name) {
    for (Target target : targets) {
      if (target.name().equals(name)) {
        return target;
      }
    }
    return null;
  }

  /**
   * One target's upstream session.
   *
   * @param name the target's name in the backend
   * @param upstreamSessionId the server's {@code Mcp-Session-Id}; null when it has none (stdio,
   *     stateless servers)
   * @param pinnedEndpoint {@code host:port} the session was created against, so a resumed session
   *     reaches the same server replica; null when the target has a single address
   * @param protocolVersion the MCP version the server agreed to, sent again on resumption; null
   *     when unknown
   */
  public record Target(
      String name, String upstreamSessionId, String pinnedEndpoint, String protocolVersion) {
    /** A target whose protocol version is not known. */
    public Target(String name, String upstreamSessionId, String pinnedEndpoint) {
      this(name, upstreamSessionId, pinnedEndpoint, null);
    }

    public Target {
      if (protocolVersion != null) {
        check("protocolVersion", protocolVersion);
      }
      check("name", Objects.requireNonNull(name, "name"));
      if (name.isEmpty()) {
        throw new IllegalArgumentException("target name is empty");
      }
      if (upstreamSessionId != null) {
        check("upstreamSessionId", upstreamSessionId);
        // MCP session ids are visible ASCII (0x21-0x7E): anything else cannot be sent back
        // upstream.
        if (upstreamSessionId.isEmpty()
            || !upstreamSessionId.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
          throw new IllegalArgumentException(
              "upstream session id of target '" + name + "' is not visible ASCII");
        }
      }
      if (pinnedEndpoint != null) {
        check("pinnedEndpoint", pinnedEndpoint);
        checkHostPort(name, pinnedEndpoint);
      }
    }

    private static void check(String field, String value) {
      if (value.getBytes(StandardCharsets.UTF_8).length > MAX_STRING_BYTES) {
        throw new IllegalArgumentException(
            field + " is longer than " + MAX_STRING_BYTES + " bytes");
      }
    }

    private static void checkHostPort(String name, String endpoint) {
      int colon = endpoint.lastIndexOf(':');
      String host = colon > 0 ? endpoint.substring(0, colon) : "";
      String port = colon > 0 ? endpoint.substring(colon + 1) : "";
      boolean bracketed = host.startsWith("[") && host.endsWith("]");
      boolean hostOk =
          !host.isEmpty()
              && host.chars().allMatch(Target::hostChar)
              && (bracketed || host.indexOf(':') < 0);
      boolean portOk =
          !port.isEmpty()
              && port.length() <= 5
              && port.chars().allMatch(c -> c >= '0' && c <= '9')
              && Integer.parseInt(port) > 0
              && Integer.parseInt(port) <= 65535;
      if (!hostOk || !portOk) {
        throw new IllegalArgumentException(
            "pinned endpoint of target '" + name + "' is not host:port");
      }
    }

    private static boolean hostChar(int c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '-'
          || c == '_'
          || c == ':'
          || c == '['
          || c == ']';
    }
  }
}

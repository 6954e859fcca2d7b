package dev.agentgateway.crds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.testing.Crds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compares our CRD schemas with upstream's, field path by field path. Paths upstream has and we
 * lack are reported (they are added as features are built); a path we have and upstream lacks, or a
 * path whose type, enum values or required-ness differ, fails: existing manifests must apply
 * unchanged and ours must apply upstream.
 */
class UpstreamCoverageTest {

  /** Our own field paths that upstream lacks (each covering its sub-paths), with the reason. */
  private static final Map<String, String> OUR_EXTENSIONS =
      Map.of(
          "AgentgatewayBackend.spec.mcp.targets[].stdio",
          "the seed asks for MCP servers run as processes in the proxy pod; opt-in");

  @Test
  void reportsUpstreamFieldsWeLackAndRefusesIncompatibleOnes() {
    List<String> problems = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Crds.Kind kind : Crds.Kind.values()) {
      Map<String, JsonNode> ours = paths(Crds.schema(Crds.checkedIn(kind)));
      Map<String, JsonNode> upstream =
          paths(Crds.schema(Crds.upstreamReference().resolve("crds").resolve(kind.fileName())));
      List<String> missing = new ArrayList<>();
      for (String path : upstream.keySet()) {
        if (!ours.containsKey(path) && path.startsWith(".spec")) {
          missing.add(path);
        }
      }
      long specPaths = upstream.keySet().stream().filter(p -> p.startsWith(".spec")).count();
      report.append(
          String.format(
              "%s: %d of %d upstream spec field paths present; missing (%d):%n",
              kind.kind, specPaths - missing.size(), specPaths, missing.size()));
      missing.forEach(p -> report.append("  ").append(p).append('\n'));
      for (Map.Entry<String, JsonNode> e : ours.entrySet()) {
        String path = e.getKey();
        JsonNode up = upstream.get(path);
        if (up == null) {
          if (!isExtension(kind.kind + path)) {
            problems.add(kind.kind + path + ": not in upstream's CRD");
          }
          continue;
        }
        compare(kind.kind + path, e.getValue(), up, problems);
      }
    }
    System.out.print(report);
    assertTrue(
        problems.isEmpty(), "incompatible with upstream:\n  " + String.join("\n  ", problems));
  }

  private static boolean isExtension(String path) {
    return OUR_EXTENSIONS.keySet().stream()
        .anyMatch(
            ext -> path.equals(ext) || path.startsWith(ext + ".") || path.startsWith(ext + "["));
  }

  private static void compare(
      String where, JsonNode ours, JsonNode upstream, List<String> problems) {
    if (!type(ours).equals(type(upstream))) {
      problems.add(where + ": type " + type(ours) + ", upstream " + type(upstream));
    }
    if (!values(ours.get("enum")).equals(values(upstream.get("enum")))) {
      problems.add(where + ": enum " + ours.get("enum") + ", upstream " + upstream.get("enum"));
    }
    Set<String> extraRequired = values(ours.get("required"));
    extraRequired.removeAll(values(upstream.get("required")));
    if (!extraRequired.isEmpty()) {
      problems.add(where + ": requires " + extraRequired + ", upstream does not");
    }
  }

  private static String type(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return "int-or-string";
    }
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        && !schema.has("properties")) {
      return "free-form";
    }
    return schema.path("type").asText("");
  }

  private static Set<String> values(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  /**
   * Every field path of a schema: {@code .a.b}, {@code []} for items, {@code .*} for map values.
   */
  static Map<String, JsonNode> paths(JsonNode schema) {
    Map<String, JsonNode> out = new TreeMap<>();
    collect(schema, "", out);
    return out;
  }

  private static void collect(JsonNode schema, String path, Map<String, JsonNode> out) {
    schema
        .path("properties")
        .properties()
        .forEach(
            e -> {
              String p = path + "." + e.getKey();
              out.put(p, e.getValue());
              collect(e.getValue(), p, out);
            });
    if (schema.has("items")) {
      out.put(path + "[]", schema.get("items"));
      collect(schema.get("items"), path + "[]", out);
    }
    if (schema.path("additionalProperties").isObject()) {
      out.put(path + ".*", schema.get("additionalProperties"));
      collect(schema.get("additionalProperties"), path + ".*", out);
    }
  }
}

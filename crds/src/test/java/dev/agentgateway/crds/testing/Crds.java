package dev.agentgateway.crds.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CRDs and manifests, and finds the project's files for tests in any module. */
public final class Crds {

  /** The three agentgateway.dev CRDs, by kind and plural. */
  public enum Kind {
    PARAMETERS("AgentgatewayParameters", "agentgatewayparameters"),
    POLICY("AgentgatewayPolicy", "agentgatewaypolicies"),
    BACKEND("AgentgatewayBackend", "agentgatewaybackends");

    public final String kind;
    public final String plural;

    Kind(String kind, String plural) {
      this.kind = kind;
      this.plural = plural;
    }

    /** The file name upstream and we use: {@code agentgateway.dev_<plural>.yaml}. */
    public String fileName() {
      return "agentgateway.dev_" + plural + ".yaml";
    }
  }

  private static final ObjectMapper YAML = new YAMLMapper();

  private Crds() {}

  /** All YAML documents of a file as JSON trees, skipping empty ones. */
  public static List<JsonNode> readAll(Path file) {
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      List<JsonNode> docs = new ArrayList<>();
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The {@code openAPIV3Schema} of a CRD's version {@code v1alpha1}. */
  public static JsonNode schema(JsonNode crd) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("name").asText().equals("v1alpha1")) {
        return version.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalArgumentException(
        "CRD " + crd.path("metadata").path("name").asText() + " has no version v1alpha1");
  }

  /** A single-document CRD file's schema. */
  public static JsonNode schema(Path crdFile) {
    return schema(readAll(crdFile).getFirst());
  }

  /** The project root: the nearest directory up from the working directory with {@code mvnw}. */
  public static Path projectRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("crds"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no project root (a directory with mvnw and crds/) above " + dir);
  }

  /** Our checked-in CRD YAML for a kind, under {@code crds/}. */
  public static Path checkedIn(Kind kind) {
    return projectRoot().resolve("crds").resolve(kind.fileName());
  }

  /**
   * Upstream's reference files ({@code ../shared/reference/upstream} beside the project root);
   * fails with a clear message when they are absent.
   */
  public static Path upstreamReference() {
    Path ref = projectRoot().resolve("../shared/reference/upstream").normalize();
    if (!Files.isDirectory(ref.resolve("crds")) || !Files.isDirectory(ref.resolve("examples"))) {
      throw new IllegalStateException(
          "upstream reference files not found at "
              + ref
              + " (expected crds/ and examples/ there; the tests compare against upstream)");
    }
    return ref;
  }

  /** A JSON mapper for callers that compare trees. */
  public static ObjectMapper json() {
    return JsonMapper.builder().build();
  }
}

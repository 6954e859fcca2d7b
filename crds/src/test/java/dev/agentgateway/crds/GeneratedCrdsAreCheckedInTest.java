package dev.agentgateway.crds;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.agentgateway.crds.testing.Crds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CRD YAML checked in under {@code crds/} must be exactly what the crd-generator makes from the
 * Java types, so a change to a type cannot ship without its CRD. Refresh with {@code ./mvnw -o
 * verify -pl crds -Dtest=GeneratedCrdsAreCheckedInTest -Dcrds.update=true}.
 */
class GeneratedCrdsAreCheckedInTest {

  private static final String REFRESH =
      "./mvnw -o -B verify -pl crds -Dtest=GeneratedCrdsAreCheckedInTest -Dcrds.update=true";

  @Test
  void checkedInCrdsMatchTheGeneratedOnes() throws IOException {
    boolean update = Boolean.getBoolean("crds.update");
    List<String> drifted = new ArrayList<>();
    for (Crds.Kind kind : Crds.Kind.values()) {
      String generated = generated(kind);
      Path file = Crds.checkedIn(kind);
      String checkedIn = Files.exists(file) ? Files.readString(file) : null;
      if (generated.equals(checkedIn)) {
        continue;
      }
      if (update) {
        Files.writeString(file, generated);
        System.out.println("rewrote " + file);
      } else {
        drifted.add(file.getFileName() + ": " + describe(checkedIn, generated));
      }
    }
    if (!drifted.isEmpty()) {
      fail(
          "checked-in CRD YAML differs from the Java types:\n  "
              + String.join("\n  ", drifted)
              + "\nrefresh with: "
              + REFRESH);
    }
  }

  @Test
  void everyKindIsGenerated() throws IOException {
    for (Crds.Kind kind : Crds.Kind.values()) {
      assertTrue(generated(kind).contains("kind: \"" + kind.kind + "\""), kind.kind);
    }
  }

  private static String generated(Crds.Kind kind) throws IOException {
    String resource = "META-INF/fabric8/" + kind.plural + ".agentgateway.dev-v1.yml";
    try (InputStream in =
        GeneratedCrdsAreCheckedInTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " not on the class path: did crd-generator run?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A short diff summary: line counts and the first differing line. */
  private static String describe(String checkedIn, String generated) {
    if (checkedIn == null) {
      return "missing";
    }
    List<String> a = checkedIn.lines().toList();
    List<String> b = generated.lines().toList();
    int line = 0;
    while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
      line++;
    }
    return String.format(
        "checked in %d lines, generated %d; first difference at line %d: %s | %s",
        a.size(),
        b.size(),
        line + 1,
        line < a.size() ? a.get(line).strip() : "<end>",
        line < b.size() ? b.get(line).strip() : "<end>");
  }
}

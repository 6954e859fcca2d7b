package dev.agentgateway.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image definitions, read as text (no image can be built here: no daemon, no registry): they
 * copy the jars the Maven build names, run as the non-root user, and the proxy image has the
 * launcher the provisioned pods run.
 */
class DockerfilesTest {

  @Test
  void controllerImageRunsTheControllerJarAsNonRoot() throws IOException {
    String dockerfile = Files.readString(Charts.root().resolve("control/Dockerfile"));
    assertBuilds(dockerfile, "control", finalName("control"));
    assertTrue(
        dockerfile.contains("-jar /app/" + finalName("control") + ".jar"),
        "entrypoint runs the jar");
  }

  @Test
  void proxyImageHasTheLauncherTheProvisionedPodsRun() throws IOException {
    String dockerfile = Files.readString(Charts.root().resolve("proxy/Dockerfile"));
    assertBuilds(dockerfile, "proxy", finalName("proxy"));
    String podCommand =
        Files.readString(
            Charts.root()
                .resolve("control/src/main/java/dev/agentgateway/control/deploy/ProxyPod.java"));
    Matcher launcher = Pattern.compile("LAUNCHER = \"([^\"]+)\"").matcher(podCommand);
    assertTrue(launcher.find(), "ProxyPod names its launcher");
    assertTrue(
        dockerfile.contains("<<'LAUNCHER' " + launcher.group(1)),
        "the image writes " + launcher.group(1));
    assertTrue(
        dockerfile.contains("-jar /app/" + finalName("proxy") + ".jar"),
        "the launcher runs the jar");
  }

  private static void assertBuilds(String dockerfile, String module, String jar) {
    for (String expected :
        List.of(
            "-pl " + module + " -am package",
            module + "/target/" + jar + ".jar",
            module + "/target/libs",
            "jlink ",
            "USER 65532:65532",
            "--uid 65532")) {
      assertTrue(dockerfile.contains(expected), module + "/Dockerfile lacks: " + expected);
    }
  }

  /** The jar name the module's pom builds ({@code <finalName>}). */
  private static String finalName(String module) {
    try {
      Matcher m =
          Pattern.compile("<finalName>([^<]+)</finalName>")
              .matcher(Files.readString(Charts.root().resolve(module + "/pom.xml")));
      assertTrue(m.find(), module + "/pom.xml names its jar");
      return m.group(1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

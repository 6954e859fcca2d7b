package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads upstream's {@code backendAuth} (and the {@code auth} and {@code apiKey} of {@code llm}
 * models): a key (inline, {@code $VAR} or {@code {file: path}}), passthrough, or AWS SigV4. Key
 * values are never put in an error message.
 */
final class BackendAuthReader {
  /** The string form {@code backendAuth: copilot}. */
  private static final String COPILOT = "copilot";

  private final Path baseDir;

  BackendAuthReader(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** The auth, or {@code null} when absent or after reporting a problem. */
  BackendAuth read(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    if (node.isText()) {
      if (COPILOT.equals(node.raw().textValue())) {
        node.error("backendAuth copilot is not supported yet");
      } else {
        node.error("expected a mapping (key, passthrough or aws)");
      }
      return null;
    }
    String kind = node.oneOf(UpstreamFields.BACKEND_AUTH);
    if (kind == null) {
      return null;
    }
    ConfigNode value = node.field(kind);
    return switch (kind) {
      case "key" -> key(value);
      case "passthrough" -> {
        if (value.present()) {
          value.mapping(UpstreamFields.BACKEND_AUTH_PASSTHROUGH);
        }
        yield new BackendAuth.Passthrough();
      }
      default -> aws(value);
    };
  }

  /** {@code key: <FileOrInline>} (the compact form) or {@code key: {value, location}}. */
  private BackendAuth key(ConfigNode node) {
    if (!node.require()) {
      return null;
    }
    if (node.isMapping() && !node.field("file").present()) {
      if (!node.mapping(UpstreamFields.BACKEND_AUTH_KEY)) {
        return null;
      }
      ConfigNode valueNode = node.field("value");
      Secret value = valueNode.require() ? secret(valueNode) : null;
      ConfigNode locationNode = node.field("location");
      BackendAuth.Location location = locationNode.present() ? location(locationNode) : null;
      if (value == null || (locationNode.present() && location == null)) {
        return null;
      }
      return new BackendAuth.Key(value, location);
    }
    Secret value = secret(node);
    return value == null ? null : new BackendAuth.Key(value);
  }

  private static BackendAuth.Location location(ConfigNode node) {
    String kind = node.oneOf(UpstreamFields.AUTH_LOCATION);
    if (kind == null) {
      return null;
    }
    ConfigNode spec = node.field(kind);
    if (kind.equals("header")) {
      if (!spec.mapping(UpstreamFields.AUTH_HEADER)) {
        spec.require();
        return null;
      }
      ConfigNode nameNode = spec.field("name");
      String name = nameNode.requiredText();
      if (name != null && !HeaderNames.isToken(name)) {
        nameNode.error("invalid header name");
        return null;
      }
      String prefix = spec.field("prefix").text();
      return name == null ? null : new BackendAuth.Location.Header(name, prefix);
    }
    if (!spec.mapping(UpstreamFields.NAME_ONLY)) {
      spec.require();
      return null;
    }
    String name = spec.field("name").requiredText();
    return name == null ? null : new BackendAuth.Location.QueryParameter(name);
  }

  private BackendAuth aws(ConfigNode node) {
    if (node.present() && !node.mapping(UpstreamFields.AWS_AUTH)) {
      return null;
    }
    ConfigNode idNode = node.field("accessKeyId");
    ConfigNode secretNode = node.field("secretAccessKey");
    String id = idNode.present() ? idNode.requiredText() : null;
    Secret secret = secretNode.present() ? secret(secretNode) : null;
    ConfigNode tokenNode = node.field("sessionToken");
    Secret token = tokenNode.present() ? secret(tokenNode) : null;
    if (idNode.present() != secretNode.present()) {
      (idNode.present() ? secretNode : idNode).require();
      return null;
    }
    if (tokenNode.present() && !idNode.present()) {
      tokenNode.error("sessionToken needs accessKeyId and secretAccessKey");
      return null;
    }
    String region = node.field("region").text();
    String service = node.field("serviceName").text();
    if ((idNode.present() && (id == null || secret == null))
        || (tokenNode.present() && token == null)) {
      return null;
    }
    return new BackendAuth.Aws(id, secret, token, region, service);
  }

  /**
   * A secret as inline text ({@code $VAR} expanded) or {@code {file: path}} (relative to the base
   * directory; surrounding whitespace, such as a final newline, is dropped).
   */
  Secret secret(ConfigNode node) {
    if (node.isMapping()) {
      if (!node.mapping(UpstreamFields.FILE_ONLY)) {
        return null;
      }
      ConfigNode fileNode = node.field("file");
      String file = fileNode.requiredText();
      if (file == null) {
        return null;
      }
      String text;
      try {
        text = Files.readString(baseDir.resolve(file), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        fileNode.error("cannot read the file: " + e.getClass().getSimpleName());
        return null;
      }
      if (text.isEmpty()) {
        fileNode.error("the file is empty");
        return null;
      }
      return new Secret(text);
    }
    String text = node.requiredText();
    return text == null ? null : new Secret(text);
  }
}

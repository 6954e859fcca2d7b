package dev.agentgateway.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentgateway.model.ir.McpTarget;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an OpenAPI target's {@code schema} (inline text, or {@code {file: path}}) once, at load
 * time, checks that it is an OpenAPI 3 document, and returns it as compact JSON text, so the proxy
 * parses one format and never touches the file system for it.
 */
final class OpenApiSchemas {
  private static final int MAX = McpTarget.OpenApi.MAX_SCHEMA_BYTES;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path baseDir;
  private final ConfigParser parser = new ConfigParser();

  /**
   * @param baseDir what relative file names resolve against: the working directory, as upstream
   *     does (not the config file's folder)
   */
  OpenApiSchemas(Path baseDir) {
    this.baseDir = baseDir;
  }

  /** The document as JSON text, or {@code null} after reporting why it cannot be used. */
  String read(ConfigNode schema) {
    if (!schema.require()) {
      return null;
    }
    if (schema.isText()) {
      String text = schema.text();
      return text == null ? null : toJson(schema, text);
    }
    if (schema.oneOf(UpstreamFields.FILE_OR_URL) == null) {
      return null; // a url was reported as not supported yet
    }
    ConfigNode file = schema.field("file");
    String name = file.requiredText();
    String text = name == null ? null : readFile(file, baseDir.resolve(name));
    return text == null ? null : toJson(file, text);
  }

  private static String readFile(ConfigNode node, Path path) {
    try {
      // Checked before reading, so a huge file is never loaded; checked again after, for a file
      // that grew in between.
      if (Files.size(path) > MAX) {
        node.error("schema file is larger than " + MAX + " bytes");
        return null;
      }
      byte[] bytes = Files.readAllBytes(path);
      if (bytes.length > MAX) {
        node.error("schema file is larger than " + MAX + " bytes");
        return null;
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      node.error("schema file " + path + " does not exist");
    } catch (AccessDeniedException e) {
      node.error("schema file " + path + " cannot be read: permission denied");
    } catch (CharacterCodingException e) {
      node.error("schema file " + path + " is not UTF-8 text");
    } catch (IOException e) {
      node.error("schema file " + path + " cannot be read: " + e.getClass().getSimpleName());
    }
    return null;
  }

  private String toJson(ConfigNode node, String text) {
    JsonNode tree;
    try {
      tree = parser.parse(text);
    } catch (ConfigException e) {
      node.error("invalid schema: " + e.errors().get(0).message());
      return null;
    }
    JsonNode version = tree.get("openapi");
    if (!tree.isObject()
        || version == null
        || !version.isTextual()
        || !version.textValue().startsWith("3.")) {
      node.error("not an OpenAPI 3 document (it needs \"openapi: 3.x\")");
      return null;
    }
    JsonNode paths = tree.get("paths");
    if (paths == null || !paths.isObject()) {
      node.error("the OpenAPI document needs a \"paths\" mapping");
      return null;
    }
    try {
      String json = JSON.writeValueAsString(tree);
      if (json.getBytes(StandardCharsets.UTF_8).length > MAX) {
        node.error("schema is larger than " + MAX + " bytes as JSON");
        return null;
      }
      return json;
    } catch (JsonProcessingException e) {
      node.error("schema cannot be written as JSON: " + e.getOriginalMessage());
      return null;
    }
  }
}

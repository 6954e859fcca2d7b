package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OpenAPI 3 document into one tool per operation. A tool's input schema nests its
 * arguments by destination, as upstream agentgateway does: {@code path}, {@code query} and {@code
 * header} objects holding the parameters, and {@code body} holding the JSON request body.
 */
final class OpenApiCompiler {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^{}/]+)}");

  /** Header parameters that OpenAPI says to ignore, or that the JDK client will not send. */
  private static final Set<String> SKIPPED_HEADERS =
      Set.of(
          "accept",
          "content-type",
          "authorization",
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade");

  private final JsonNode document;
  private final SchemaInliner inliner;

  private OpenApiCompiler(JsonNode document) {
    this.document = document;
    this.inliner = new SchemaInliner(document);
  }

  static OpenApiTools compile(String text) throws OpenApiSchemaException {
    JsonNode doc = parse(text);
    JsonNode version = doc.get("openapi");
    if (!doc.isObject()
        || version == null
        || !version.isTextual()
        || !version.textValue().startsWith("3.")) {
      throw new OpenApiSchemaException("not an OpenAPI 3 document (it needs \"openapi: 3.x\")");
    }
    if (!doc.path("paths").isObject()) {
      throw new OpenApiSchemaException("the document needs a \"paths\" mapping");
    }
    return new OpenApiCompiler(doc).tools();
  }

  private static JsonNode parse(String text) throws OpenApiSchemaException {
    try {
      return JSON.readTree(text);
    } catch (JacksonException notJson) {
      if (text.stripLeading().startsWith("{")) {
        throw new OpenApiSchemaException("invalid JSON: " + notJson.getOriginalMessage());
      }
      try {
        JsonNode tree = YAML.readTree(text);
        if (tree == null || tree.isMissingNode()) {
          throw new OpenApiSchemaException("the document is empty");
        }
        return tree;
      } catch (JacksonException notYaml) {
        throw new OpenApiSchemaException(
            "neither JSON nor YAML: "
                + notYaml.getOriginalMessage().lines().findFirst().orElse(""));
      }
    }
  }

  private OpenApiTools tools() throws OpenApiSchemaException {
    List<Operation> operations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Map.Entry<String, JsonNode> entry : document.get("paths").properties()) {
      String path = entry.getKey();
      if (!path.startsWith("/")) {
        throw new OpenApiSchemaException("path " + path + " does not start with /");
      }
      JsonNode item = inliner.resolve(entry.getValue());
      for (String method : METHODS) {
        JsonNode op = item.get(method);
        if (op != null && op.isObject()) {
          operations.add(operation(path, method, item, op, names));
        }
      }
    }
    return new OpenApiTools(basePath(), operations);
  }

  private Operation operation(
      String path, String method, JsonNode item, JsonNode op, Set<String> names)
      throws OpenApiSchemaException {
    String where = method.toUpperCase(Locale.ROOT) + " " + path;
    String name = toolName(op, method, path, names, where);
    Map<String, JsonNode> declared = new LinkedHashMap<>();
    collectParams(item.get("parameters"), declared, where);
    collectParams(op.get("parameters"), declared, where);

    ObjectNode properties = NODES.objectNode();
    List<String> required = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    Set<String> templateVariables = templateVariables(path);
    for (JsonNode p : declared.values()) {
      Param.In in = in(p.path("in").asText());
      String pname = p.path("name").asText();
      if (in == null
          || in == Param.In.PATH && !templateVariables.contains(pname)
          || in == Param.In.HEADER && !header(pname)) {
        continue; // cookies, unsendable headers, path parameters the path does not use
      }
      boolean req = in == Param.In.PATH || p.path("required").asBoolean(false);
      params.add(new Param(pname, in, req));
      group(properties, in).withObjectProperty("properties").set(pname, paramSchema(p));
      if (req) {
        group(properties, in).withArrayProperty("required").add(pname);
      }
    }
    for (String variable : templateVariables) {
      if (params.stream().noneMatch(p -> p.in() == Param.In.PATH && p.name().equals(variable))) {
        // a template variable the document forgot to declare: still a required string
        params.add(new Param(variable, Param.In.PATH, true));
        group(properties, Param.In.PATH)
            .withObjectProperty("properties")
            .set(variable, NODES.objectNode().put("type", "string"));
        group(properties, Param.In.PATH).withArrayProperty("required").add(variable);
      }
    }
    for (Param.In in : Param.In.values()) {
      if (properties.path(in.group).has("required")) {
        required.add(in.group);
      }
    }

    boolean body = false;
    boolean bodyRequired = false;
    JsonNode requestBody = op.get("requestBody");
    if (requestBody != null) {
      JsonNode rb = inliner.resolve(requestBody);
      JsonNode media = jsonMedia(rb.path("content"));
      if (media != null) {
        body = true;
        JsonNode schema = media.get("schema");
        JsonNode inlined = schema == null ? NODES.objectNode() : inliner.inline(schema);
        if (inlined.isObject() && rb.hasNonNull("description") && !inlined.has("description")) {
          inlined =
              ((ObjectNode) inlined).deepCopy().put("description", rb.get("description").asText());
        }
        properties.set("body", inlined);
        if (rb.path("required").asBoolean(false)) {
          bodyRequired = true;
          required.add("body");
        }
      }
    }

    ObjectNode input = NODES.objectNode().put("type", "object");
    input.set("properties", properties);
    if (!required.isEmpty()) {
      required.forEach(input.withArrayProperty("required")::add);
    }
    ObjectNode tool = NODES.objectNode().put("name", name);
    tool.put("description", description(op, where));
    tool.set("inputSchema", input);
    return new Operation(
        name, method.toUpperCase(Locale.ROOT), path, params, body, bodyRequired, tool);
  }

  private void collectParams(JsonNode list, Map<String, JsonNode> into, String where)
      throws OpenApiSchemaException {
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      throw new OpenApiSchemaException(where + ": parameters must be a list");
    }
    for (JsonNode raw : list) {
      JsonNode p = inliner.resolve(raw);
      if (!p.path("name").isTextual() || !p.path("in").isTextual()) {
        throw new OpenApiSchemaException(where + ": a parameter needs a name and an \"in\"");
      }
      // an operation's parameter replaces the path item's one with the same name and location
      into.put(p.get("in").textValue() + ":" + p.get("name").textValue(), p);
    }
  }

  private JsonNode paramSchema(JsonNode p) throws OpenApiSchemaException {
    JsonNode schema = p.get("schema");
    if (schema == null && p.path("content").isObject() && p.get("content").size() > 0) {
      schema = p.get("content").elements().next().get("schema");
    }
    JsonNode inlined =
        schema == null ? NODES.objectNode().put("type", "string") : inliner.inline(schema);
    if (inlined.isObject() && p.hasNonNull("description")) {
      inlined = ((ObjectNode) inlined).deepCopy().put("description", p.get("description").asText());
    }
    return inlined;
  }

  private static ObjectNode group(ObjectNode properties, Param.In in) {
    ObjectNode group = properties.withObjectProperty(in.group);
    if (!group.has("type")) {
      group.put("type", "object");
    }
    return group;
  }

  /** The media type entry a JSON body uses: application/json, else any {@code +json} type. */
  private static JsonNode jsonMedia(JsonNode content) {
    if (!content.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : content.properties()) {
      String type = e.getKey().toLowerCase(Locale.ROOT);
      int semi = type.indexOf(';');
      type = (semi < 0 ? type : type.substring(0, semi)).strip();
      if (type.equals("application/json") || type.endsWith("+json")) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String toolName(
      JsonNode op, String method, String path, Set<String> names, String where)
      throws OpenApiSchemaException {
    JsonNode id = op.get("operationId");
    if (id != null && id.isTextual() && !id.textValue().isBlank()) {
      String name = id.textValue();
      if (!names.add(name)) {
        throw new OpenApiSchemaException(where + ": operationId " + name + " is used twice");
      }
      return name;
    }
    String base =
        (method + "_" + path)
            .replaceAll("[^A-Za-z0-9_.-]+", "_")
            .replaceAll("_+", "_")
            .replaceAll("_$", "");
    String name = base;
    for (int n = 2; !names.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  private static String description(JsonNode op, String where) {
    String summary = op.path("summary").asText("").strip();
    String description = op.path("description").asText("").strip();
    if (summary.isEmpty()) {
      return description.isEmpty() ? where : description;
    }
    if (description.isEmpty() || description.equals(summary)) {
      return summary;
    }
    return summary + "\n\n" + description;
  }

  private static Param.In in(String in) {
    return switch (in) {
      case "path" -> Param.In.PATH;
      case "query" -> Param.In.QUERY;
      case "header" -> Param.In.HEADER;
      default -> null;
    };
  }

  private static boolean header(String name) {
    return !name.isEmpty()
        && !SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
        && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
  }

  private static Set<String> templateVariables(String path) {
    Set<String> out = new java.util.LinkedHashSet<>();
    Matcher m = TEMPLATE_VARIABLE.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The path of {@code servers[0].url}, its variables replaced by their defaults. */
  private String basePath() throws OpenApiSchemaException {
    JsonNode server = document.path("servers").path(0);
    String url = server.path("url").asText("");
    if (url.isEmpty()) {
      return "";
    }
    Matcher m = TEMPLATE_VARIABLE.matcher(url);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      JsonNode value = server.path("variables").path(m.group(1)).get("default");
      if (value == null || !value.isTextual()) {
        throw new OpenApiSchemaException(
            "servers[0].url variable " + m.group(1) + " has no default");
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(value.textValue()));
    }
    m.appendTail(filled);
    String path;
    try {
      URI uri = new URI(filled.toString());
      path = uri.getRawPath() == null ? "" : uri.getRawPath();
    } catch (URISyntaxException e) {
      throw new OpenApiSchemaException("servers[0].url is not a URL: " + e.getReason());
    }
    if (!path.isEmpty() && !path.startsWith("/")) {
      path = "/" + path; // relative to the document, whose own location is unknown here
    }
    return path.replaceAll("/+$", "");
  }
}

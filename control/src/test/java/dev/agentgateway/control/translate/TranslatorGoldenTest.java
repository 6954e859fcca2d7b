package dev.agentgateway.control.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.google.protobuf.util.JsonFormat;
import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.model.xds.IrToProto;
import dev.agentgateway.model.xds.XdsResources;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden translation cases: each file under {@code src/test/resources/translate} holds the inputs
 * (Kubernetes objects, and what provisioning reports per Gateway), a {@code ---} line, and the
 * expected IR per Gateway (as the proto JSON the xDS server sends) and status per object.
 * Regenerate the expected halves with {@code -Dgolden.update=true} and review the diff.
 */
class TranslatorGoldenTest {
  static final String CONTROLLER = "agentgateway.dev/agentgateway";
  private static final Path CASES = Path.of("src/test/resources/translate");
  private static final String MARKER =
      "---\n# expected: regenerate with ./mvnw -pl control verify -Dgolden.update=true\n";
  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  /** Kinds the serialization does not know by apiVersion and kind. */
  private static final Map<String, Class<? extends HasMetadata>> CUSTOM_KINDS =
      Map.of(
          "AgentgatewayBackend",
          AgentgatewayBackend.class,
          "AgentgatewayPolicy",
          AgentgatewayPolicy.class,
          "ListenerSet",
          ListenerSet.class);

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesAsRecorded(Path file) throws IOException {
    String text = Files.readString(file);
    int split = text.indexOf("\n---\n");
    String inputText = split < 0 ? text : text.substring(0, split + 1);
    Translation translation = Translator.translate(inputs(YAML.readTree(inputText)));
    String actual = YAML.writeValueAsString(render(translation));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, inputText + MARKER + actual);
      return;
    }
    assertFalse(split < 0, file + " has no expected half; run with -Dgolden.update=true");
    JsonNode expected = YAML.readTree(text.substring(split + 5));
    assertEquals(
        YAML.writeValueAsString(expected),
        actual,
        file + " differs; if the change is intended, regenerate with -Dgolden.update=true");
  }

  static Inputs inputs(JsonNode root) {
    Map<Class<?>, List<Object>> byType = new HashMap<>();
    for (JsonNode item : root.path("inputs")) {
      HasMetadata object =
          KUBE.convertValue(
              item, CUSTOM_KINDS.getOrDefault(item.path("kind").asText(), HasMetadata.class));
      if (object.getMetadata().getGeneration() == null) {
        object.getMetadata().setGeneration(1L);
      }
      byType.computeIfAbsent(object.getClass(), c -> new ArrayList<>()).add(object);
    }
    Map<GatewayKey, Infrastructure> infrastructure = new HashMap<>();
    root.path("infrastructure")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              List<GatewayStatusAddress> addresses = new ArrayList<>();
              v.path("addresses")
                  .forEach(a -> addresses.add(KUBE.convertValue(a, GatewayStatusAddress.class)));
              infrastructure.put(
                  gatewayKey(e.getKey()),
                  new Infrastructure(
                      v.path("available").asBoolean(false),
                      addresses,
                      v.hasNonNull("parametersError") ? v.get("parametersError").asText() : null));
            });
    return new Inputs(
        CONTROLLER,
        list(byType, GatewayClass.class),
        list(byType, Gateway.class),
        list(byType, ListenerSet.class),
        list(byType, HTTPRoute.class),
        list(byType, GRPCRoute.class),
        list(byType, ReferenceGrant.class),
        list(byType, Service.class),
        list(byType, AgentgatewayBackend.class),
        list(byType, EndpointSlice.class),
        list(byType, Namespace.class),
        infrastructure,
        root.path("settings").path("mcpStdioEnabled").asBoolean(false),
        list(byType, AgentgatewayPolicy.class),
        list(byType, Secret.class),
        list(byType, ConfigMap.class));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Map<Class<?>, List<Object>> byType, Class<T> type) {
    return (List<T>) (List<?>) byType.getOrDefault(type, List.of());
  }

  static ObjectNode render(Translation t) throws IOException {
    ObjectNode out = YAML.createObjectNode();
    ObjectNode resources = out.putObject("resources");
    for (var e : new TreeMap<>(stringKeys(t.resources())).entrySet()) {
      ArrayNode list = resources.putArray(e.getKey());
      TreeMap<String, com.google.protobuf.Message> byName = new TreeMap<>();
      for (Object ir : e.getValue()) {
        byName.put(XdsResources.nameOf(ir), IrToProto.resourceOf(ir));
      }
      for (var r : byName.entrySet()) {
        ObjectNode entry = list.addObject();
        entry.put("name", r.getKey());
        entry.set("resource", YAML.readTree(JsonFormat.printer().print(r.getValue())));
      }
    }
    ObjectNode status = out.putObject("status");
    status.set("gatewayClasses", YAML.valueToTree(new TreeMap<>(t.gatewayClasses())));
    status.set("gateways", YAML.valueToTree(new TreeMap<>(stringKeys(t.gateways()))));
    TreeMap<String, Object> routes = new TreeMap<>();
    t.httpRoutes().forEach((k, v) -> routes.put(k.toString(), v));
    status.set("httpRoutes", YAML.valueToTree(routes));
    TreeMap<String, Object> grpc = new TreeMap<>();
    t.grpcRoutes().forEach((k, v) -> grpc.put(k.toString(), v));
    status.set("grpcRoutes", YAML.valueToTree(grpc));
    TreeMap<String, Object> backends = new TreeMap<>();
    t.backends().forEach((k, v) -> backends.put(k.toString(), Map.of("conditions", v)));
    // Only in the cases that have some, to keep the others short.
    if (!backends.isEmpty()) {
      status.set("agentgatewayBackends", YAML.valueToTree(backends));
    }
    if (!t.policies().isEmpty()) {
      TreeMap<String, Object> policies = new TreeMap<>();
      t.policies().forEach((k, v) -> policies.put(k.toString(), Map.of("ancestors", v)));
      status.set("agentgatewayPolicies", YAML.valueToTree(policies));
    }
    if (!t.listenerSets().isEmpty()) {
      TreeMap<String, Object> sets = new TreeMap<>();
      t.listenerSets().forEach((k, v) -> sets.put(k.toString(), v));
      status.set("listenerSets", YAML.valueToTree(sets));
    }
    return out;
  }

  private static <V> Map<String, V> stringKeys(Map<GatewayKey, V> map) {
    Map<String, V> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k.toString(), v));
    return out;
  }

  /** Parses {@code namespace/name}. */
  private static GatewayKey gatewayKey(String s) {
    int slash = s.indexOf('/');
    return new GatewayKey(s.substring(0, slash), s.substring(slash + 1));
  }
}

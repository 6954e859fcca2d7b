package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import dev.agentgateway.crds.parameters.EnvVar;
import dev.agentgateway.crds.parameters.LogFormat;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersResolverTest {
  private final Map<String, AgentgatewayParameters> store = new HashMap<>();
  private final ParametersResolver resolver =
      new ParametersResolver((ns, name) -> store.get(ns + "/" + name));

  private static final GatewayClass CLASS_WITH_PARAMS =
      Fixtures.gatewayClass(
          """
          metadata: {name: agentgateway}
          spec:
            controllerName: agentgateway.dev/agentgateway
            parametersRef: {group: agentgateway.dev, kind: AgentgatewayParameters, name: base, namespace: sys}
          """);
  private static final GatewayClass CLASS_PLAIN =
      Fixtures.gatewayClass(
          """
          metadata: {name: agentgateway}
          spec: {controllerName: agentgateway.dev/agentgateway}
          """);

  @Test
  void noReferencesMeansDefaults() {
    MergedParameters merged = resolved(resolver.resolve(gateway(null), CLASS_PLAIN));
    assertEquals(MergedParameters.NONE, merged);
  }

  @Test
  void classParametersAloneApply() {
    put("sys", "base", "image: {tag: '1.0'}\nlogging: {level: debug}");
    MergedParameters merged = resolved(resolver.resolve(gateway(null), CLASS_WITH_PARAMS));
    assertEquals("1.0", merged.spec().image().tag());
    assertEquals("debug", merged.spec().logging().level());
    assertEquals(1, merged.layers().size());
  }

  @Test
  void gatewayParametersAloneApply() {
    put("apps", "mine", "shutdown: {min: 1, max: 2}");
    MergedParameters merged = resolved(resolver.resolve(gateway("mine"), CLASS_PLAIN));
    assertEquals(2L, merged.spec().shutdown().max());
  }

  @Test
  void gatewayParametersWinFieldByFieldOverTheClass() {
    put(
        "sys",
        "base",
        """
        image: {registry: reg.example, repository: agw, tag: '1.0'}
        logging: {level: info, format: json}
        env: [{name: A, value: class}, {name: B, value: class}]
        resources: {requests: {cpu: 200m, memory: 1Gi}, limits: {memory: 2Gi}}
        istio: {trustDomain: corp.local, network: n1}
        rawConfig: {config: {adminAddr: 'localhost:1', statsAddr: 'localhost:2'}, x: [1]}
        deployment: {metadata: {labels: {from: class}}}
        """);
    put(
        "apps",
        "mine",
        """
        image: {tag: '2.0'}
        logging: {level: debug}
        env: [{name: B, value: gateway}, {name: C, value: gateway}]
        resources: {requests: {cpu: 500m}}
        istio: {network: n2}
        rawConfig: {config: {adminAddr: 'localhost:9'}, x: [2]}
        deployment: {metadata: {labels: {from: gateway}}}
        """);
    MergedParameters merged = resolved(resolver.resolve(gateway("mine"), CLASS_WITH_PARAMS));
    AgentgatewayParametersSpec spec = merged.spec();
    assertEquals("reg.example", spec.image().registry());
    assertEquals("agw", spec.image().repository());
    assertEquals("2.0", spec.image().tag());
    assertEquals("debug", spec.logging().level());
    assertEquals(LogFormat.JSON, spec.logging().format());
    assertEquals(
        List.of(
            new EnvVar("A", "class", null),
            new EnvVar("B", "gateway", null),
            new EnvVar("C", "gateway", null)),
        spec.env());
    assertEquals(
        Map.of("cpu", new IntOrString("500m"), "memory", new IntOrString("1Gi")),
        spec.resources().requests());
    assertEquals(Map.of("memory", new IntOrString("2Gi")), spec.resources().limits());
    assertEquals("corp.local", spec.istio().trustDomain());
    assertEquals("n2", spec.istio().network());
    assertEquals("localhost:9", spec.rawConfig().at("/config/adminAddr").asText());
    assertEquals("localhost:2", spec.rawConfig().at("/config/statsAddr").asText());
    assertEquals(2, spec.rawConfig().at("/x/0").asInt(), "lists are replaced, not appended");
    assertNull(spec.deployment(), "overlays stay per layer");
    assertEquals(
        List.of("class", "gateway"),
        merged.layers().stream().map(l -> l.deployment().metadata().labels().get("from")).toList());
  }

  @Test
  void refusesAGatewayReferenceOfAnotherKind() {
    Gateway gw =
        Fixtures.gateway(
            """
            metadata: {name: gw, namespace: apps}
            spec:
              gatewayClassName: agentgateway
              infrastructure:
                parametersRef: {group: '', kind: ConfigMap, name: settings}
              listeners: []
            """);
    assertEquals(
        new ParametersResolver.Invalid(
            "spec.infrastructure.parametersRef must refer to agentgateway.dev/AgentgatewayParameters,"
                + " not core/ConfigMap"),
        resolver.resolve(gw, CLASS_PLAIN));
  }

  @Test
  void refusesAClassReferenceWithoutNamespace() {
    GatewayClass gc =
        Fixtures.gatewayClass(
            """
            metadata: {name: agentgateway}
            spec:
              controllerName: agentgateway.dev/agentgateway
              parametersRef: {group: agentgateway.dev, kind: AgentgatewayParameters, name: base}
            """);
    ParametersResolver.Result result = resolver.resolve(gateway(null), gc);
    assertEquals(
        "GatewayClass agentgateway parametersRef must set a namespace: AgentgatewayParameters are"
            + " namespaced",
        assertInstanceOf(ParametersResolver.Invalid.class, result).message());
  }

  @Test
  void reportsMissingParametersByNamespaceAndName() {
    assertEquals(
        new ParametersResolver.Invalid("AgentgatewayParameters apps/nope not found"),
        resolver.resolve(gateway("nope"), CLASS_PLAIN));
    assertEquals(
        new ParametersResolver.Invalid("AgentgatewayParameters sys/base not found"),
        resolver.resolve(gateway(null), CLASS_WITH_PARAMS));
  }

  private void put(String ns, String name, String specYaml) {
    store.put(
        ns + "/" + name,
        Fixtures.parameters(
            "metadata: {name: %s, namespace: %s}\nspec:\n%s"
                .formatted(name, ns, specYaml.indent(2))));
  }

  private static Gateway gateway(String params) {
    String infra =
        params == null
            ? ""
            : "  infrastructure:\n    parametersRef: {group: agentgateway.dev, kind:"
                + " AgentgatewayParameters, name: "
                + params
                + "}\n";
    return Fixtures.gateway(
        "metadata: {name: gw, namespace: apps}\nspec:\n  gatewayClassName: agentgateway\n"
            + infra
            + "  listeners: [{name: http, port: 80, protocol: HTTP}]\n");
  }

  private static MergedParameters resolved(ParametersResolver.Result result) {
    return assertInstanceOf(ParametersResolver.Resolved.class, result).parameters();
  }
}

package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.ControlPlane;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.DiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import dev.agentgateway.model.xds.envoy.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the names and field numbers we share with Envoy's discovery protos, so an edit cannot
 * silently break wire compatibility with standard xDS tooling.
 */
class EnvoyWireCompatibilityTest {

  private static void assertFields(Descriptor d, String fullName, Map<String, Integer> fields) {
    assertEquals(fullName, d.getFullName());
    fields.forEach(
        (name, number) ->
            assertEquals(number, d.findFieldByName(name).getNumber(), fullName + "." + name));
  }

  @Test
  void nodeMatchesEnvoyBaseProto() {
    assertFields(
        Node.getDescriptor(),
        "envoy.config.core.v3.Node",
        Map.of(
            "id", 1,
            "cluster", 2,
            "metadata", 3,
            "user_agent_name", 6,
            "user_agent_version", 7,
            "client_features", 10));
    assertFields(
        ControlPlane.getDescriptor(), "envoy.config.core.v3.ControlPlane", Map.of("identifier", 1));
  }

  @Test
  void deltaMessagesMatchEnvoyDiscoveryProto() {
    assertFields(
        DeltaDiscoveryRequest.getDescriptor(),
        "envoy.service.discovery.v3.DeltaDiscoveryRequest",
        Map.of(
            "node", 1,
            "type_url", 2,
            "resource_names_subscribe", 3,
            "resource_names_unsubscribe", 4,
            "initial_resource_versions", 5,
            "response_nonce", 6,
            "error_detail", 7));
    assertEquals(
        "google.rpc.Status",
        DeltaDiscoveryRequest.getDescriptor()
            .findFieldByName("error_detail")
            .getMessageType()
            .getFullName());
    assertFields(
        DeltaDiscoveryResponse.getDescriptor(),
        "envoy.service.discovery.v3.DeltaDiscoveryResponse",
        Map.of(
            "system_version_info", 1,
            "resources", 2,
            "type_url", 4,
            "nonce", 5,
            "removed_resources", 6,
            "control_plane", 7));
    assertFields(
        Resource.getDescriptor(),
        "envoy.service.discovery.v3.Resource",
        Map.of("version", 1, "resource", 2, "name", 3, "aliases", 4, "ttl", 6));
  }

  @Test
  void stateOfTheWorldMessagesMatchEnvoyDiscoveryProto() {
    assertFields(
        DiscoveryRequest.getDescriptor(),
        "envoy.service.discovery.v3.DiscoveryRequest",
        Map.of(
            "version_info", 1,
            "node", 2,
            "resource_names", 3,
            "type_url", 4,
            "response_nonce", 5,
            "error_detail", 6));
    assertFields(
        DiscoveryResponse.getDescriptor(),
        "envoy.service.discovery.v3.DiscoveryResponse",
        Map.of(
            "version_info", 1,
            "resources", 2,
            "canary", 3,
            "type_url", 4,
            "nonce", 5,
            "control_plane", 6));
  }

  @Test
  void adsMethodPathsMatchEnvoy() {
    assertEquals(
        "envoy.service.discovery.v3.AggregatedDiscoveryService/DeltaAggregatedResources",
        AggregatedDiscoveryServiceGrpc.getDeltaAggregatedResourcesMethod().getFullMethodName());
    assertEquals(
        "envoy.service.discovery.v3.AggregatedDiscoveryService/StreamAggregatedResources",
        AggregatedDiscoveryServiceGrpc.getStreamAggregatedResourcesMethod().getFullMethodName());
  }

  @Test
  void resourceTypeUrlNamesOurUnion() {
    assertEquals(
        XdsResources.TYPE_URL,
        "type.googleapis.com/"
            + dev.agentgateway.model.xds.proto.Resource.getDescriptor().getFullName());
  }
}

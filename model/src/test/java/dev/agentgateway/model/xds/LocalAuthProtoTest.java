package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.xds.proto.ApiKeyAuth;
import dev.agentgateway.model.xds.proto.BasicAuth;
import dev.agentgateway.model.xds.proto.CredentialLocation;
import dev.agentgateway.model.xds.proto.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The xDS side refuses what the standalone reader refuses, naming the field. */
class LocalAuthProtoTest {

  private static Resource withPolicies(dev.agentgateway.model.xds.proto.RoutePolicies.Builder p) {
    Policy policy =
        new Policy(
            "p",
            null,
            new PolicyTarget(PolicyTarget.Kind.GATEWAY, "gw", null),
            RoutePolicies.builder()
                .authorization(
                    new dev.agentgateway.model.ir.AuthorizationPolicy(
                        List.of(
                            new McpAuthorizationPolicy.Rule(
                                McpAuthorizationPolicy.Kind.ALLOW, "true"))))
                .build());
    Resource resource = IrToProto.resource(policy);
    return resource.toBuilder().setPolicy(resource.getPolicy().toBuilder().setPolicy(p)).build();
  }

  @Test
  void aPlainTextPasswordOverXdsIsRefusedWithoutEchoingIt() {
    Resource resource =
        withPolicies(
            dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder()
                .setBasicAuth(
                    BasicAuth.newBuilder()
                        .addUsers(
                            BasicAuth.User.newBuilder().setUsername("alice").setHash("hunter2"))
                        .setLocation(CredentialLocation.newBuilder().setQueryParameter("auth"))));
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(resource));
    assertEquals("policy.basic_auth.users[0]", e.field());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void anApiKeyWithoutALocationIsRefused() {
    Resource resource =
        withPolicies(
            dev.agentgateway.model.xds.proto.RoutePolicies.newBuilder()
                .setApiKey(
                    ApiKeyAuth.newBuilder()
                        .addKeys(ApiKeyAuth.Key.newBuilder().setSha256("ab".repeat(32)))));
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(resource));
    assertEquals("policy.api_key.location", e.field());
  }
}

package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.xds.proto.Backend;
import dev.agentgateway.model.xds.proto.ExtAuthz;
import dev.agentgateway.model.xds.proto.RemoteRateLimit;
import dev.agentgateway.model.xds.proto.Resource;
import dev.agentgateway.model.xds.proto.Route;
import dev.agentgateway.model.xds.proto.RoutePolicies;
import org.junit.jupiter.api.Test;

/** Bad {@code ext_authz} and {@code remote_rate_limit} values are refused naming the field. */
class ExtAuthPoliciesProtoTest {
  private static final Backend HOST =
      Backend.newBuilder().setHost(Backend.Host.newBuilder().setHostname("h").setPort(80)).build();

  private static String rejection(RoutePolicies policies) {
    Resource resource =
        Resource.newBuilder()
            .setRoute(Route.newBuilder().setKey("r1").setListenerKey("l1").setPolicies(policies))
            .build();
    return assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(resource))
        .getMessage();
  }

  @Test
  void extAuthzNeedsAPlainTargetAndAValidStatus() {
    assertEquals(
        "route/r1: policies.ext_authz.target: required",
        rejection(
            RoutePolicies.newBuilder()
                .setExtAuthz(ExtAuthz.newBuilder().setFailureStatus(403))
                .build()));
    Backend a2a = Backend.newBuilder().setA2A(Backend.A2a.newBuilder().setUpstream(HOST)).build();
    assertEquals(
        "route/r1: policies.ext_authz.target: must be a host or a service",
        rejection(
            RoutePolicies.newBuilder()
                .setExtAuthz(ExtAuthz.newBuilder().setTarget(a2a).setFailureStatus(403))
                .build()));
    assertEquals(
        "route/r1: policies.ext_authz: failure status must be between 100 and 999, got 0",
        rejection(
            RoutePolicies.newBuilder().setExtAuthz(ExtAuthz.newBuilder().setTarget(HOST)).build()));
    assertEquals(
        "route/r1: policies.ext_authz.include_request_body: maxRequestBytes must be at least 1,"
            + " got 0",
        rejection(
            RoutePolicies.newBuilder()
                .setExtAuthz(
                    ExtAuthz.newBuilder()
                        .setTarget(HOST)
                        .setFailureStatus(403)
                        .setIncludeRequestBody(ExtAuthz.BodyOptions.getDefaultInstance()))
                .build()));
  }

  @Test
  void remoteRateLimitNeedsDomainDescriptorsAndEntries() {
    assertEquals(
        "route/r1: policies.remote_rate_limit: domain must not be blank",
        rejection(
            RoutePolicies.newBuilder()
                .setRemoteRateLimit(
                    RemoteRateLimit.newBuilder()
                        .setTarget(HOST)
                        .addDescriptors(
                            RemoteRateLimit.Descriptor.newBuilder()
                                .addEntries(
                                    RemoteRateLimit.Entry.newBuilder().setKey("k").setValue("1"))))
                .build()));
    assertEquals(
        "route/r1: policies.remote_rate_limit.descriptors[0]: a descriptor needs at least one"
            + " entry",
        rejection(
            RoutePolicies.newBuilder()
                .setRemoteRateLimit(
                    RemoteRateLimit.newBuilder()
                        .setTarget(HOST)
                        .setDomain("d")
                        .addDescriptors(RemoteRateLimit.Descriptor.getDefaultInstance()))
                .build()));
    assertEquals(
        "route/r1: policies.remote_rate_limit.descriptors[0].entries[0]: descriptor key must not"
            + " be empty",
        rejection(
            RoutePolicies.newBuilder()
                .setRemoteRateLimit(
                    RemoteRateLimit.newBuilder()
                        .setTarget(HOST)
                        .setDomain("d")
                        .addDescriptors(
                            RemoteRateLimit.Descriptor.newBuilder()
                                .addEntries(RemoteRateLimit.Entry.newBuilder().setValue("1"))))
                .build()));
  }
}

package dev.agentgateway.proxy.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.model.xds.IrToProto;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdsResourceSetTest {
  private static Resource bind(String key, int port, String version) {
    Bind bind = new Bind(key, port);
    return Resource.newBuilder()
        .setName(XdsResources.name(bind))
        .setVersion(version)
        .setResource(Any.pack(IrToProto.resource(bind)))
        .build();
  }

  @Test
  void removalsDropResourcesAndVersionsFollowUpdates() {
    XdsResourceSet one =
        XdsResourceSet.EMPTY
            .apply(
                DeltaDiscoveryResponse.newBuilder()
                    .addResources(bind("a", 8080, "1"))
                    .addResources(bind("b", 8081, "1"))
                    .build())
            .next();
    XdsResourceSet two =
        one.apply(
                DeltaDiscoveryResponse.newBuilder()
                    .addResources(bind("a", 8080, "2"))
                    .addRemovedResources("bind/b")
                    .build())
            .next();
    assertEquals(Map.of("bind/a", "2"), two.versions());
    assertEquals(List.of(new Bind("a", 8080)), two.config(StaticConfig.DEFAULT).binds());
    assertEquals(Map.of("bind/a", "1", "bind/b", "1"), one.versions(), "sets are immutable");
  }

  @Test
  void aResourceTheCheckRefusesIsNackedWhileTheOthersApply() {
    XdsResourceSet.Update update =
        XdsResourceSet.EMPTY.apply(
            DeltaDiscoveryResponse.newBuilder()
                .addResources(bind("a", 8080, "1"))
                .addResources(bind("b", 8081, "1"))
                .build(),
            value -> value instanceof Bind b && b.port() == 8081 ? "port refused" : null);
    assertEquals(Map.of("bind/a", "1"), update.next().versions());
    assertEquals(Map.of("bind/b", "port refused"), update.errors());
  }

  @Test
  void invalidResourceKeepsItsPreviousVersion() {
    XdsResourceSet one =
        XdsResourceSet.EMPTY
            .apply(DeltaDiscoveryResponse.newBuilder().addResources(bind("a", 8080, "1")).build())
            .next();
    XdsResourceSet.Update update =
        one.apply(
            DeltaDiscoveryResponse.newBuilder()
                .addResources(bind("a", 0, "2"))
                .addResources(
                    Resource.newBuilder()
                        .setName("route/x")
                        .setResource(Any.pack(StringValue.of("nope"))))
                .build());
    assertEquals(Map.of("bind/a", "1"), update.next().versions());
    assertEquals(List.of("bind/a", "route/x"), List.copyOf(update.errors().keySet()));
    assertTrue(
        update.errors().get("route/x").contains("unexpected type"), update.errors().toString());
  }

  @Test
  void serviceEndpointsBecomeTheConfigsEndpoints() {
    ServiceEndpoints cart =
        new ServiceEndpoints(
            "shop", "cart", 80, List.of(new ServiceEndpoints.Endpoint("10.0.0.7", 8080)));
    XdsResourceSet set =
        XdsResourceSet.EMPTY
            .apply(
                DeltaDiscoveryResponse.newBuilder()
                    .addResources(bind("a", 8080, "1"))
                    .addResources(
                        Resource.newBuilder()
                            .setName(XdsResources.name(cart))
                            .setVersion("7")
                            .setResource(Any.pack(IrToProto.resource(cart))))
                    .build())
            .next();
    assertEquals(List.of(cart), set.config(StaticConfig.DEFAULT).endpoints());
    assertEquals("7", set.versions().get("endpoints/shop/cart:80"));
  }
}

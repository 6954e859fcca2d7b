package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.ServiceEndpoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class XdsResourcesTest {

  @Test
  void anyResourceValueGetsItsKindsNameAndProto() {
    Bind bind = new Bind("80/ns/gw", 80);
    assertTrue(XdsResources.isResource(bind));
    assertEquals(XdsResources.name(bind), XdsResources.nameOf(bind));
    assertEquals(IrToProto.resource(bind), IrToProto.resourceOf(bind));
    ServiceEndpoints endpoints = new ServiceEndpoints("ns", "svc", 80, List.of());
    assertEquals("endpoints/ns/svc:80", XdsResources.nameOf(endpoints));
    Backend backend = new Backend.Host("example.com", 443);
    assertEquals(IrToProto.resource(backend), IrToProto.resourceOf(backend));
  }

  @Test
  void otherValuesAreRefusedByName() {
    assertFalse(XdsResources.isResource("route"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XdsResources.nameOf("route"));
    assertTrue(e.getMessage().contains("java.lang.String is not an IR bind"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IrToProto.resourceOf(42));
  }
}

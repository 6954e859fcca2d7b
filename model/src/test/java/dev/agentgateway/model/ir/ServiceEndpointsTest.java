package dev.agentgateway.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

  @Test
  void serviceBackendIsNamedLikeItsEndpoints() {
    Backend.Service cart = new Backend.Service("shop", "cart", 80);
    ServiceEndpoints endpoints = new ServiceEndpoints("shop", "cart", 80, List.of());
    assertEquals("shop/cart:80", cart.name());
    assertEquals(cart, endpoints.service());
  }

  @Test
  void blankPartsAndBadPortsAreRefused() {
    assertEquals(
        "service namespace is blank",
        assertThrows(IllegalArgumentException.class, () -> new Backend.Service(" ", "a", 1))
            .getMessage());
    assertEquals(
        "service name is blank",
        assertThrows(IllegalArgumentException.class, () -> new Backend.Service("ns", "", 1))
            .getMessage());
    assertEquals(
        "port out of range: 0",
        assertThrows(IllegalArgumentException.class, () -> new Backend.Service("ns", "a", 0))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new ServiceEndpoints("ns", "a", 65536, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ServiceEndpoints.Endpoint("", 80));
    assertThrows(
        IllegalArgumentException.class, () -> new ServiceEndpoints.Endpoint("10.0.0.1", 0));
  }

  @Test
  void endpointListIsCopiedAndIpv6IsBracketed() {
    List<ServiceEndpoints.Endpoint> list = new ArrayList<>();
    list.add(new ServiceEndpoints.Endpoint("fd00::1", 8080));
    ServiceEndpoints endpoints = new ServiceEndpoints("ns", "a", 80, list);
    list.clear();
    assertEquals(1, endpoints.endpoints().size());
    assertEquals("[fd00::1]:8080", endpoints.endpoints().get(0).authority());
  }
}

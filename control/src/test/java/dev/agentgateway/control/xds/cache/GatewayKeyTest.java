package dev.agentgateway.control.xds.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatewayKeyTest {

  @Test
  void parsesRoleIntoNamespaceAndGateway() {
    GatewayKey key = GatewayKey.fromRole("agentgateway-system~my-gw");

    assertEquals(new GatewayKey("agentgateway-system", "my-gw"), key);
    assertEquals("agentgateway-system/my-gw", key.toString());
  }

  @Test
  void rejectsMalformedRolesWithTheRoleInTheMessage() {
    for (String role : new String[] {"nogateway", "ns~", "~gw", "a~b~c", "ns/x~gw", "ns~g w"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GatewayKey.fromRole(role), role);
      assertTrue(e.getMessage().contains("'" + role + "'"), e.getMessage());
    }
  }

  @Test
  void rejectsMissingRole() {
    assertThrows(IllegalArgumentException.class, () -> GatewayKey.fromRole(null));
    assertThrows(IllegalArgumentException.class, () -> GatewayKey.fromRole(" "));
  }
}

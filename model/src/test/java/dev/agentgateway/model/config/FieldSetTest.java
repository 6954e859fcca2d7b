package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FieldSetTest {
  @Test
  void suggestsTheClosestKnownNameWithinTwoEdits() {
    FieldSet fields = FieldSet.of("hostname protocol routes", "tls tcpRoutes");
    assertEquals("hostname", fields.suggest("hostnme"));
    assertEquals("hostname", fields.suggest("hostName"));
    assertEquals("tcpRoutes", fields.suggest("tcproute"));
    assertEquals("tls", fields.suggest("tsl"));
    assertNull(fields.suggest("certificate"));
  }

  @Test
  void distanceIsLevenshtein() {
    assertEquals(0, FieldSet.distance("abc", "abc"));
    assertEquals(1, FieldSet.distance("abc", "abd"));
    assertEquals(3, FieldSet.distance("kitten", "sitting"));
    assertEquals(4, FieldSet.distance("", "path"));
  }
}

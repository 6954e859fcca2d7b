package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesNamesIpv4AndBracketedIpv6() {
    assertEquals(new HostPort("localhost", 15000), HostPort.parse("localhost:15000", 0));
    assertEquals(new HostPort("my-svc.ns.svc", 80), HostPort.parse("My-Svc.ns.svc:80", 1));
    assertEquals(new HostPort("10.0.0.1", 0), HostPort.parse("10.0.0.1:0", 0));
    assertEquals(new HostPort("::1", 8080), HostPort.parse("[::1]:8080", 1));
    assertEquals(new HostPort("::", 9021), HostPort.parse("[::]:9021", 0));
    assertEquals(
        new HostPort("2001:db8::ffff:1.2.3.4", 443),
        HostPort.parse("[2001:db8::ffff:1.2.3.4]:443", 1));
    assertEquals("[fe80::1]:1", new HostPort("fe80::1", 1).authority());
  }

  @Test
  void rejectsMalformedAddresses() {
    for (String bad :
        List.of(
            "localhost",
            "host:",
            "host:http",
            ":80",
            "::1:80",
            "[::1]",
            "[::1:80",
            "[1:2:3:4:5:6:7:8:9]:80",
            "[1::2::3]:80",
            "[xyz::1]:80",
            "bad host:80",
            "-bad:80",
            "a..b:80")) {
      assertThrows(IllegalArgumentException.class, () -> HostPort.parse(bad, 1), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("a:0", 1));
    assertThrows(IllegalArgumentException.class, () -> HostPort.parse("a:65536", 0));
  }
}

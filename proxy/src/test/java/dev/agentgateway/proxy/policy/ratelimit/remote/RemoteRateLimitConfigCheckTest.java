package dev.agentgateway.proxy.policy.ratelimit.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.policy.cel.CelPolicyCheck;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.testing.ShellTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A descriptor value that is not CEL refuses the config at load, naming the entry. */
class RemoteRateLimitConfigCheckTest {
  private static GatewayConfig withValue(String value) {
    return ShellTesting.parse(
        """
        binds:
        - port: 3000
          listeners:
          - protocol: HTTP
            routes:
            - name: limited
              backends: [{host: '127.0.0.1:1'}]
              policies:
                remoteRateLimit:
                  host: 127.0.0.1:8081
                  domain: api
                  descriptors:
                  - entries:
                    - {key: path, value: request.path}
                    - {key: user, value: '%s'}
        """
            .formatted(value.replace("'", "''")));
  }

  @Test
  void aValueThatDoesNotCompileIsNamedByRouteDescriptorAndEntry() {
    GatewayConfig config = withValue("request.headers[");
    List<ConfigError> errors = new CelPolicyCheck(new LazyCelEngine()).check(config);
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(
        "route "
            + config.routes().get(0).key()
            + ": policies.remoteRateLimit.descriptors[0].entries[1].value",
        errors.get(0).path());
  }

  @Test
  void validValuesPass() {
    assertTrue(
        new CelPolicyCheck(new LazyCelEngine())
            .check(withValue("request.headers[\"x-user\"]"))
            .isEmpty());
  }
}

package dev.agentgateway.proxy.policy.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.http.RawHttp;
import dev.agentgateway.proxy.testing.Upstream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RequestAttributes#from} and {@link SourceAttributes#from} over a real Helidon request. */
class HelidonAttributesTest {
  private static final CelEngine ENGINE = CelEngine.create();

  private static final List<CelExpression> CHECKS =
      List.of(
          ENGINE.compile("request.method == 'POST'"),
          ENGINE.compile("request.scheme == 'http' && request.host == 'gw.example'"),
          ENGINE.compile(
              "request.path == '/mcp/x%20y' && request.pathAndQuery == '/mcp/x%20y?a=1&b'"),
          ENGINE.compile("request.uri == 'http://gw.example/mcp/x%20y?a=1&b'"),
          ENGINE.compile("request.version == 'HTTP/1.1'"),
          ENGINE.compile("request.headers['x-tenant'] == 'first'"),
          ENGINE.compile("source.address == '127.0.0.1' && source.port > 0"));

  @Test
  void helidonRequestBecomesRequestAndSourceVariables() throws Exception {
    try (Upstream server =
        Upstream.start(
            r ->
                r.any(
                    (req, res) -> {
                      CelActivation activation =
                          CelActivation.builder()
                              .request(() -> RequestAttributes.from(req))
                              .source(SourceAttributes.from(req))
                              .build();
                      StringBuilder failed = new StringBuilder();
                      for (CelExpression check : CHECKS) {
                        if (!check.matches(activation)) {
                          failed.append(check.source()).append('\n');
                        }
                      }
                      res.send(failed.toString());
                    }))) {
      // Raw, so the Host header and the repeated header go out exactly as written.
      String response =
          RawHttp.exchange(
              server.port(),
              "POST /mcp/x%20y?a=1&b HTTP/1.1\r\n"
                  + "Host: gw.example\r\n"
                  + "X-Tenant: first\r\n"
                  + "x-tenant: second\r\n"
                  + "Content-Length: 0\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      String unmatched = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertEquals("", unmatched, "checks that did not match");
    }
  }
}

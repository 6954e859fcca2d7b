package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.CorsPolicy;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's {@code cors}, compiled: header values are built once. Runs before any other policy, so
 * a preflight is answered here and refusals further on still carry the CORS headers a browser needs
 * to show them.
 */
public final class CorsAction {
  private static final Header VARY_ORIGIN = HeaderValues.create(HeaderNames.VARY, "Origin");
  private static final Header CREDENTIALS =
      HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
  private static final Header ANY_ORIGIN =
      HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");

  private final boolean anyOrigin;
  private final Set<String> origins;
  // "https://" + ".example.com" for https://*.example.com
  private final List<String[]> wildcards;
  private final boolean credentials;
  private final Header allowMethods;
  private final Header allowHeaders;
  private final Header exposeHeaders;
  private final Header maxAge;

  private CorsAction(CorsPolicy p) {
    Set<String> exact = new TreeSet<>();
    List<String[]> wild = new ArrayList<>();
    boolean any = false;
    for (String origin : p.allowOrigins()) {
      String o = origin.toLowerCase(Locale.ROOT);
      int star = o.indexOf("://*.");
      if (o.equals("*")) {
        any = true;
      } else if (star > 0) {
        wild.add(new String[] {o.substring(0, star + 3), o.substring(star + 4)});
      } else {
        exact.add(o);
      }
    }
    this.anyOrigin = any;
    this.origins = Set.copyOf(exact);
    this.wildcards = List.copyOf(wild);
    this.credentials = p.allowCredentials();
    this.allowMethods = header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, p.allowMethods());
    this.allowHeaders = header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, p.allowHeaders());
    this.exposeHeaders = header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, p.exposeHeaders());
    this.maxAge =
        p.maxAge() == null
            ? null
            : HeaderValues.create(
                HeaderNames.ACCESS_CONTROL_MAX_AGE, Long.toString(p.maxAge().toSeconds()));
  }

  /** The compiled policy, or null when {@code policy} is null. */
  public static CorsAction compile(CorsPolicy policy) {
    return policy == null ? null : new CorsAction(policy);
  }

  private static Header header(io.helidon.http.HeaderName name, List<String> values) {
    return values.isEmpty() ? null : HeaderValues.create(name, String.join(", ", values));
  }

  /** True when {@code origin} may call the route. */
  boolean allows(String origin) {
    if (anyOrigin) {
      return true;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    if (origins.contains(o)) {
      return true;
    }
    for (String[] w : wildcards) {
      // A subdomain only: "https://a.example.com", not "https://example.com" or
      // "https://xexample.com".
      if (o.startsWith(w[0]) && o.endsWith(w[1]) && o.length() > w[0].length() + w[1].length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Answers a preflight from an allowed origin (true: the exchange is done), or adds the CORS
   * headers of an allowed origin to the response and returns false. Requests without an {@code
   * Origin}, or from an origin not allowed, pass untouched: the browser then refuses the answer.
   */
  public boolean apply(ServerRequest req, ServerResponse res) {
    String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
    if (origin == null || !allows(origin)) {
      return false;
    }
    boolean preflight =
        req.prologue().method() == Method.OPTIONS
            && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (anyOrigin && !credentials) {
      res.header(ANY_ORIGIN);
    } else {
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      res.header(VARY_ORIGIN);
    }
    if (credentials) {
      res.header(CREDENTIALS);
    }
    if (!preflight) {
      if (exposeHeaders != null) {
        res.header(exposeHeaders);
      }
      return false;
    }
    if (allowMethods != null) {
      res.header(allowMethods);
    }
    if (allowHeaders != null) {
      res.header(allowHeaders);
    }
    if (maxAge != null) {
      res.header(maxAge);
    }
    res.status(Status.OK_200);
    res.send();
    return true;
  }
}

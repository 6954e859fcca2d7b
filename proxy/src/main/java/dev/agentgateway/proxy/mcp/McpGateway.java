package dev.agentgateway.proxy.mcp;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.mcp.auth.AuthDecision;
import dev.agentgateway.proxy.mcp.auth.AuthRequest;
import dev.agentgateway.proxy.mcp.auth.AuthResponse;
import dev.agentgateway.proxy.mcp.auth.McpAuthentication;
import dev.agentgateway.proxy.mcp.authz.McpAuthorization;
import dev.agentgateway.proxy.mcp.authz.McpResource;
import dev.agentgateway.proxy.mcp.mux.McpAccess;
import dev.agentgateway.proxy.mcp.server.HttpAnswers;
import dev.agentgateway.proxy.mcp.server.McpEndpoint;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.mcp.server.SealedSessionIds;
import dev.agentgateway.proxy.mcp.session.SessionCodec;
import dev.agentgateway.proxy.mcp.upstream.http.HttpUpstreamFactory;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioProcesses;
import dev.agentgateway.proxy.policy.auth.Identity;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtOutcome;
import dev.agentgateway.proxy.state.StateHolder;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

/**
 * The MCP gateway of one proxy process: its sessions, the HTTP client and child processes its
 * targets use, and the key that seals session ids. Closing it ends every session and stops every
 * child process.
 */
public final class McpGateway implements AutoCloseable {
  private final HttpUpstreamFactory http = HttpUpstreamFactory.create();
  private final StdioProcesses processes = new StdioProcesses(true);
  private static final System.Logger LOG = System.getLogger(McpGateway.class.getName());

  private final McpEndpoint endpoint;
  private static final List<HeaderName> AUTH_HEADERS =
      List.of(
          HeaderNames.AUTHORIZATION,
          HeaderNames.HOST,
          HeaderNames.X_FORWARDED_PROTO,
          HeaderNames.X_FORWARDED_HOST);
  private final LazyCelEngine cel;
  private final TargetConnector connector;
  private final HttpClient jwksClient = JwtAuthenticator.defaultHttpClient();
  // Keyed weakly by the route's policies: compiled once per config, dropped with it.
  private final Map<RoutePolicies, McpRoutePolicies> compiledPolicies = new WeakHashMap<>();

  /**
   * @param codec seals session ids; one with the configured key ({@code SESSION_KEY} or {@code
   *     config.session.key}) lets other replicas resume this one's sessions
   * @param stopping true once the proxy shuts down: MCP streams end so the drain can finish
   * @param cel the process's CEL engine, for authorization rules
   */
  public McpGateway(
      StateHolder state,
      SessionCodec codec,
      Duration sessionTtl,
      String version,
      BooleanSupplier stopping,
      LazyCelEngine cel) {
    this.cel = cel;
    this.connector = new TargetConnector(state, http, processes, version);
    this.endpoint =
        new McpEndpoint(
            connector,
            new SealedSessionIds(codec, Clock.systemUTC()),
            sessionTtl,
            version,
            stopping);
  }

  /**
   * The codec for {@code statics}: its session key (the loader already applied {@code SESSION_KEY}
   * over {@code config.session.key}), else a per-process key, said once in the log.
   */
  public static SessionCodec codec(StaticConfig statics) {
    try {
      return SessionCodec.fromSettings(
          null, statics.sessionKey() == null ? null : statics.sessionKey().hex());
    } catch (ConfigException e) {
      // The loader validated the key already; reaching this is a bug, not bad input.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Serves one request routed to {@code backend}: answers the RFC 9728 metadata and the 401
   * challenge when the route has {@code mcpAuthentication} ({@code jwtAuth} already ran in the
   * route phase), then serves it with what the route's {@code mcpAuthorization} lets the caller
   * see.
   */
  public McpReply serve(
      ServerRequest req,
      ServerResponse res,
      String path,
      Backend.Mcp backend,
      RoutePolicies policies,
      Duration timeout) {
    McpRoutePolicies compiled = compiled(policies);
    if (compiled.problem() != null) {
      LOG.log(System.Logger.Level.WARNING, "route policies refused: " + compiled.problem());
      return HttpAnswers.plain(
          res, Status.INTERNAL_SERVER_ERROR_500, "invalid policy: " + compiled.problem(), "");
    }
    Map<String, Object> claims = null;
    if (compiled.authentication() != null) {
      switch (compiled.authentication().decide(authRequest(req, path))) {
        case AuthDecision.Respond r -> {
          return answer(res, r.response());
        }
        case AuthDecision.Proceed p -> {
          if (p.identity() instanceof JwtOutcome.Authenticated a) {
            claims = a.claims();
          }
        }
      }
    }
    McpAccess access = McpAccess.ALL;
    if (compiled.authorization() != null) {
      CelActivation.Builder activation =
          CelActivation.builder().request(() -> RequestAttributes.from(req));
      // The route phase (jwtAuth, basicAuth, apiKey) ran before and left the caller on the request.
      req.context().get(Identity.class).ifPresent(id -> id.addTo(activation));
      if (claims != null) {
        // mcpAuthentication's token is this endpoint's own: its claims win.
        activation.jwt(claims);
      }
      CelActivation caller = activation.build();
      McpAuthorization rules = compiled.authorization();
      access =
          (kind, target, name) -> rules.allows(new McpResource(kind(kind), target, name), caller);
    }
    return endpoint.serve(req, res, path, backend, access, timeout);
  }

  /**
   * True when {@code policies} answer the protected-resource metadata path themselves: the proxy
   * then routes {@code /.well-known/oauth-protected-resource/<path>} to the route serving {@code
   * <path>}.
   */
  public static boolean servesMetadata(RoutePolicies policies) {
    return policies != null && policies.mcpAuthentication() != null;
  }

  /**
   * The MCP endpoint path whose protected-resource metadata {@code path} names ({@code /} for the
   * bare metadata path), or null when {@code path} is not a metadata path.
   */
  public static String metadataResource(String path) {
    if (!McpAuthentication.isMetadataPath(path)) {
      return null;
    }
    String rest = path.substring(McpAuthentication.METADATA_PATH.length());
    return rest.isEmpty() ? "/" : rest;
  }

  /** What authentication reads of a request: only the headers it looks at are copied. */
  private static AuthRequest authRequest(ServerRequest req, String path) {
    Map<String, List<String>> headers = new HashMap<>(8);
    for (HeaderName name : AUTH_HEADERS) {
      List<String> values = req.headers().all(name, List::of);
      if (!values.isEmpty()) {
        headers.put(name.defaultCase(), values);
      }
    }
    return new AuthRequest(
        req.prologue().method().text(), req.isSecure() ? "https" : "http", path, headers);
  }

  private static McpReply answer(ServerResponse res, AuthResponse answer) {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    res.status(Status.create(answer.status()));
    answer.headers().forEach(res::header);
    res.send(body);
    String reason = answer.status() == 401 ? "mcp authentication required" : "";
    return new McpReply(answer.status(), reason, "", body.length);
  }

  private McpRoutePolicies compiled(RoutePolicies policies) {
    if (McpRoutePolicies.none(policies)) {
      return McpRoutePolicies.NONE;
    }
    synchronized (compiledPolicies) {
      return compiledPolicies.computeIfAbsent(
          policies, p -> McpRoutePolicies.compile(p, cel, jwksClient, Clock.systemUTC()));
    }
  }

  private static McpResource.Kind kind(McpAccess.Kind kind) {
    return switch (kind) {
      case TOOL -> McpResource.Kind.TOOL;
      case PROMPT -> McpResource.Kind.PROMPT;
      case RESOURCE -> McpResource.Kind.RESOURCE;
    };
  }

  /** Sessions open on this process. */
  public int openSessions() {
    return endpoint.openSessions();
  }

  @Override
  public void close() {
    endpoint.close();
    connector.close();
    processes.close();
    http.close();
    jwksClient.shutdownNow();
  }
}

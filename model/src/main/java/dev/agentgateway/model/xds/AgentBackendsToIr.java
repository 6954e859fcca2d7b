package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.xds.proto.Backend.Ai;
import dev.agentgateway.model.xds.proto.Backend.Mcp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Proto to IR for the MCP and AI backends, validating as {@link ProtoToIr} does. */
final class AgentBackendsToIr {
  private final Fields f;

  AgentBackendsToIr(Fields f) {
    this.f = f;
  }

  Backend.Mcp mcp(String at, Mcp p) {
    String name = f.nonBlank(at + ".name", p.getName());
    List<McpTarget> targets = f.list(at + ".targets", p.getTargetsList(), this::target);
    Backend.Mcp.PrefixMode prefix =
        switch (p.getPrefixMode()) {
          case CONDITIONAL -> Backend.Mcp.PrefixMode.CONDITIONAL;
          case ALWAYS -> Backend.Mcp.PrefixMode.ALWAYS;
          case NEVER -> Backend.Mcp.PrefixMode.NEVER;
          case UNRECOGNIZED -> throw f.fail(at + ".prefix_mode", "unknown value");
        };
    Backend.Mcp.FailureMode failure =
        switch (p.getFailureMode()) {
          case FAIL_CLOSED -> Backend.Mcp.FailureMode.FAIL_CLOSED;
          case FAIL_OPEN -> Backend.Mcp.FailureMode.FAIL_OPEN;
          case UNRECOGNIZED -> throw f.fail(at + ".failure_mode", "unknown value");
        };
    return f.checked(
        at + ".targets",
        () ->
            new Backend.Mcp(
                name, targets, prefix, failure, !p.getStateless(), p.getDnsRebindingProtection()));
  }

  private McpTarget target(String at, dev.agentgateway.model.xds.proto.McpTarget p) {
    String name = f.nonBlank(at + ".name", p.getName());
    return switch (p.getKindCase()) {
      case REMOTE -> {
        var r = p.getRemote();
        McpTarget.Transport transport =
            switch (r.getTransport()) {
              case STREAMABLE_HTTP -> McpTarget.Transport.STREAMABLE_HTTP;
              case SSE -> McpTarget.Transport.SSE;
              case UNRECOGNIZED -> throw f.fail(at + ".remote.transport", "unknown value");
            };
        Backend upstream = f.plain(at + ".remote.upstream", r.hasUpstream(), r.getUpstream());
        String path = f.required(at + ".remote.path", r.getPath());
        yield f.checked(at, () -> new McpTarget.Remote(name, transport, upstream, path));
      }
      case STDIO -> {
        var s = p.getStdio();
        String command = f.nonBlank(at + ".stdio.command", s.getCommand());
        List<McpTarget.EnvVar> env =
            f.list(
                at + ".stdio.env",
                s.getEnvList(),
                (e, v) ->
                    f.checked(
                        e,
                        () ->
                            new McpTarget.EnvVar(
                                f.required(e + ".name", v.getName()), v.getValue())));
        yield f.checked(at, () -> new McpTarget.Stdio(name, command, s.getArgsList(), env));
      }
      case OPENAPI -> {
        var o = p.getOpenapi();
        String schema = f.nonBlank(at + ".openapi.schema", o.getSchema());
        Backend upstream = f.plain(at + ".openapi.upstream", o.hasUpstream(), o.getUpstream());
        String prefix = o.hasPathPrefix() ? o.getPathPrefix() : null;
        yield f.checked(at, () -> new McpTarget.OpenApi(name, schema, upstream, prefix));
      }
      case KIND_NOT_SET -> throw f.fail(at, "no kind set (remote, stdio or openapi)");
    };
  }

  Backend.Ai ai(String at, Ai p) {
    String name = f.nonBlank(at + ".name", p.getName());
    List<List<AiProvider>> groups =
        f.list(
            at + ".groups",
            p.getGroupsList(),
            (g, group) -> f.list(g + ".providers", group.getProvidersList(), this::provider));
    return f.checked(at + ".groups", () -> new Backend.Ai(name, groups));
  }

  private AiProvider provider(String at, dev.agentgateway.model.xds.proto.AiProvider p) {
    String name = f.nonBlank(at + ".name", p.getName());
    AiProvider.Spec spec =
        switch (p.getSpecCase()) {
          case OPENAI -> new AiProvider.OpenAi(model(p.getOpenai()));
          case ANTHROPIC -> new AiProvider.Anthropic(model(p.getAnthropic()));
          case GEMINI -> new AiProvider.Gemini(model(p.getGemini()));
          case VERTEX -> {
            var v = p.getVertex();
            yield new AiProvider.Vertex(
                v.hasModel() ? v.getModel() : null,
                f.nonBlank(at + ".vertex.project_id", v.getProjectId()),
                f.nonBlank(at + ".vertex.region", v.getRegion()));
          }
          case BEDROCK -> {
            var v = p.getBedrock();
            yield new AiProvider.Bedrock(
                v.hasModel() ? v.getModel() : null,
                f.nonBlank(at + ".bedrock.region", v.getRegion()));
          }
          case AZURE -> {
            var v = p.getAzure();
            AiProvider.AzureResourceType type =
                switch (v.getResourceType()) {
                  case OPENAI -> AiProvider.AzureResourceType.OPENAI;
                  case FOUNDRY -> AiProvider.AzureResourceType.FOUNDRY;
                  case UNRECOGNIZED -> throw f.fail(at + ".azure.resource_type", "unknown value");
                };
            String resource = f.nonBlank(at + ".azure.resource_name", v.getResourceName());
            yield f.checked(
                at + ".azure",
                () ->
                    new AiProvider.Azure(
                        v.hasModel() ? v.getModel() : null,
                        resource,
                        type,
                        v.hasApiVersion() ? v.getApiVersion() : null,
                        v.hasProjectName() ? v.getProjectName() : null));
          }
          case COPILOT -> new AiProvider.Copilot(model(p.getCopilot()));
          case CUSTOM -> custom(at + ".custom", p.getCustom());
          case SPEC_NOT_SET ->
              throw f.fail(
                  at,
                  "no provider set (openai, anthropic, gemini, vertex, bedrock, azure, copilot,"
                      + " custom)");
        };
    Backend host =
        p.hasHostOverride() ? f.plain(at + ".host_override", true, p.getHostOverride()) : null;
    BackendAuth auth = p.hasAuth() ? auth(at + ".auth", p.getAuth()) : null;
    Map<String, String> transformations = new LinkedHashMap<>();
    for (int i = 0; i < p.getTransformationsCount(); i++) {
      var t = p.getTransformations(i);
      String field = f.nonBlank(at + ".transformations[" + i + "].field", t.getField());
      String expression =
          f.nonBlank(at + ".transformations[" + i + "].expression", t.getExpression());
      if (transformations.put(field, expression) != null) {
        throw f.fail(at + ".transformations[" + i + "].field", "duplicate field " + field);
      }
    }
    return f.checked(
        at,
        () ->
            new AiProvider(
                name,
                spec,
                host,
                p.hasPathOverride() ? p.getPathOverride() : null,
                p.hasPathPrefix() ? p.getPathPrefix() : null,
                p.getHostOverrideTls(),
                auth,
                p.hasModelPattern() ? p.getModelPattern() : null,
                transformations));
  }

  private AiProvider.Custom custom(
      String at, dev.agentgateway.model.xds.proto.AiProvider.Custom c) {
    List<AiProvider.FormatPath> formats =
        f.list(
            at + ".formats",
            c.getFormatsList(),
            (fa, fp) -> {
              AiProvider.ProviderFormat format =
                  switch (fp.getFormat()) {
                    case UNRECOGNIZED -> throw f.fail(fa + ".format", "unknown value");
                    default -> AiProvider.ProviderFormat.valueOf(fp.getFormat().name());
                  };
              return f.checked(
                  fa, () -> new AiProvider.FormatPath(format, fp.hasPath() ? fp.getPath() : null));
            });
    return f.checked(
        at,
        () ->
            new AiProvider.Custom(
                c.hasModel() ? c.getModel() : null,
                c.hasProviderName() ? c.getProviderName() : null,
                formats));
  }

  BackendAuth auth(String at, dev.agentgateway.model.xds.proto.BackendAuth p) {
    return switch (p.getKindCase()) {
      case KEY -> {
        var k = p.getKey();
        Secret value = new Secret(f.required(at + ".key.value", k.getValue()));
        BackendAuth.Location location =
            switch (k.getLocationCase()) {
              case HEADER ->
                  f.checked(
                      at + ".key.header",
                      () ->
                          new BackendAuth.Location.Header(
                              k.getHeader().getName(),
                              k.getHeader().hasPrefix() ? k.getHeader().getPrefix() : null));
              case QUERY_PARAMETER ->
                  f.checked(
                      at + ".key.query_parameter",
                      () -> new BackendAuth.Location.QueryParameter(k.getQueryParameter()));
              case LOCATION_NOT_SET -> null;
            };
        yield new BackendAuth.Key(value, location);
      }
      case PASSTHROUGH -> new BackendAuth.Passthrough();
      case AWS -> {
        var a = p.getAws();
        yield f.checked(
            at + ".aws",
            () ->
                new BackendAuth.Aws(
                    a.hasAccessKeyId()
                        ? f.nonBlank(at + ".aws.access_key_id", a.getAccessKeyId())
                        : null,
                    a.hasSecretAccessKey()
                        ? secret(at + ".aws.secret_access_key", a.getSecretAccessKey())
                        : null,
                    a.hasSessionToken()
                        ? secret(at + ".aws.session_token", a.getSessionToken())
                        : null,
                    a.hasRegion() ? f.nonBlank(at + ".aws.region", a.getRegion()) : null,
                    a.hasServiceName()
                        ? f.nonBlank(at + ".aws.service_name", a.getServiceName())
                        : null));
      }
      case KIND_NOT_SET -> throw f.fail(at, "no kind set (key, passthrough or aws)");
    };
  }

  private Secret secret(String at, String value) {
    return new Secret(f.required(at, value));
  }

  private static String model(dev.agentgateway.model.xds.proto.AiProvider.Model m) {
    return m.hasModel() ? m.getModel() : null;
  }
}

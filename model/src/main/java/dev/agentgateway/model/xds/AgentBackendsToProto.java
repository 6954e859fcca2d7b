package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.model.xds.proto.Backend;
import java.util.List;
import java.util.function.Consumer;

/** IR to proto for the MCP and AI backends; {@link IrToProto} delegates here. */
final class AgentBackendsToProto {
  private AgentBackendsToProto() {}

  static Backend.Mcp mcp(dev.agentgateway.model.ir.Backend.Mcp m) {
    Backend.Mcp.Builder b =
        Backend.Mcp.newBuilder()
            .setName(m.name())
            .setPrefixMode(Backend.Mcp.PrefixMode.valueOf(m.prefixMode().name()))
            .setFailureMode(Backend.Mcp.FailureMode.valueOf(m.failureMode().name()))
            .setStateless(!m.stateful())
            .setDnsRebindingProtection(m.dnsRebindingProtection());
    m.targets().forEach(t -> b.addTargets(target(t)));
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.McpTarget target(McpTarget target) {
    var b = dev.agentgateway.model.xds.proto.McpTarget.newBuilder().setName(target.name());
    switch (target) {
      case McpTarget.Remote r ->
          b.setRemote(
              dev.agentgateway.model.xds.proto.McpTarget.Remote.newBuilder()
                  .setTransport(
                      dev.agentgateway.model.xds.proto.McpTarget.Remote.Transport.valueOf(
                          r.transport().name()))
                  .setUpstream(IrToProto.backend(r.upstream()))
                  .setPath(r.path()));
      case McpTarget.Stdio s -> {
        var stdio =
            dev.agentgateway.model.xds.proto.McpTarget.Stdio.newBuilder()
                .setCommand(s.command())
                .addAllArgs(s.args());
        s.env()
            .forEach(
                e ->
                    stdio.addEnv(
                        dev.agentgateway.model.xds.proto.McpTarget.EnvVar.newBuilder()
                            .setName(e.name())
                            .setValue(e.value())));
        b.setStdio(stdio);
      }
      case McpTarget.OpenApi o -> {
        var openapi =
            dev.agentgateway.model.xds.proto.McpTarget.OpenApi.newBuilder()
                .setSchema(o.schema())
                .setUpstream(IrToProto.backend(o.upstream()));
        ifSet(o.pathPrefix(), openapi::setPathPrefix);
        b.setOpenapi(openapi);
      }
    }
    return b.build();
  }

  static Backend.Ai ai(dev.agentgateway.model.ir.Backend.Ai ai) {
    Backend.Ai.Builder b = Backend.Ai.newBuilder().setName(ai.name());
    for (List<AiProvider> group : ai.groups()) {
      Backend.Ai.Group.Builder g = Backend.Ai.Group.newBuilder();
      group.forEach(p -> g.addProviders(provider(p)));
      b.addGroups(g);
    }
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.AiProvider provider(AiProvider p) {
    var b = dev.agentgateway.model.xds.proto.AiProvider.newBuilder().setName(p.name());
    switch (p.spec()) {
      case AiProvider.OpenAi s -> b.setOpenai(model(s.model()));
      case AiProvider.Anthropic s -> b.setAnthropic(model(s.model()));
      case AiProvider.Gemini s -> b.setGemini(model(s.model()));
      case AiProvider.Vertex s -> {
        var v =
            dev.agentgateway.model.xds.proto.AiProvider.Vertex.newBuilder()
                .setProjectId(s.projectId())
                .setRegion(s.region());
        ifSet(s.model(), v::setModel);
        b.setVertex(v);
      }
      case AiProvider.Bedrock s -> {
        var v =
            dev.agentgateway.model.xds.proto.AiProvider.Bedrock.newBuilder().setRegion(s.region());
        ifSet(s.model(), v::setModel);
        b.setBedrock(v);
      }
      case AiProvider.Azure s -> {
        var v =
            dev.agentgateway.model.xds.proto.AiProvider.Azure.newBuilder()
                .setResourceName(s.resourceName())
                .setResourceType(
                    dev.agentgateway.model.xds.proto.AiProvider.Azure.ResourceType.valueOf(
                        s.resourceType().name()));
        ifSet(s.model(), v::setModel);
        ifSet(s.apiVersion(), v::setApiVersion);
        ifSet(s.projectName(), v::setProjectName);
        b.setAzure(v);
      }
      case AiProvider.Copilot s -> b.setCopilot(model(s.model()));
      case AiProvider.Custom s -> b.setCustom(custom(s));
    }
    if (p.hostOverride() != null) {
      b.setHostOverride(IrToProto.backend(p.hostOverride()));
    }
    ifSet(p.pathOverride(), b::setPathOverride);
    ifSet(p.pathPrefix(), b::setPathPrefix);
    b.setHostOverrideTls(p.hostOverrideTls());
    if (p.auth() != null) {
      b.setAuth(auth(p.auth()));
    }
    ifSet(p.modelPattern(), b::setModelPattern);
    p.transformations()
        .forEach(
            (field, expression) ->
                b.addTransformations(
                    dev.agentgateway.model.xds.proto.AiProvider.Transformation.newBuilder()
                        .setField(field)
                        .setExpression(expression)));
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.AiProvider.Custom custom(AiProvider.Custom c) {
    var b = dev.agentgateway.model.xds.proto.AiProvider.Custom.newBuilder();
    ifSet(c.model(), b::setModel);
    ifSet(c.providerName(), b::setProviderName);
    for (AiProvider.FormatPath f : c.formats()) {
      var fb =
          dev.agentgateway.model.xds.proto.AiProvider.Custom.FormatPath.newBuilder()
              .setFormat(
                  dev.agentgateway.model.xds.proto.AiProvider.Custom.Format.valueOf(
                      f.format().name()));
      ifSet(f.path(), fb::setPath);
      b.addFormats(fb);
    }
    return b.build();
  }

  static dev.agentgateway.model.xds.proto.BackendAuth auth(BackendAuth auth) {
    var b = dev.agentgateway.model.xds.proto.BackendAuth.newBuilder();
    switch (auth) {
      case BackendAuth.Key k -> {
        var kb =
            dev.agentgateway.model.xds.proto.BackendAuth.Key.newBuilder()
                .setValue(k.value().value());
        switch (k.location()) {
          case null -> {}
          case BackendAuth.Location.Header h -> {
            var hb =
                dev.agentgateway.model.xds.proto.BackendAuth.Key.Header.newBuilder()
                    .setName(h.name());
            ifSet(h.prefix(), hb::setPrefix);
            kb.setHeader(hb);
          }
          case BackendAuth.Location.QueryParameter q -> kb.setQueryParameter(q.name());
        }
        b.setKey(kb);
      }
      case BackendAuth.Passthrough p ->
          b.setPassthrough(
              dev.agentgateway.model.xds.proto.BackendAuth.Passthrough.getDefaultInstance());
      case BackendAuth.Aws a -> {
        var ab = dev.agentgateway.model.xds.proto.BackendAuth.Aws.newBuilder();
        ifSet(a.accessKeyId(), ab::setAccessKeyId);
        ifSet(
            a.secretAccessKey() == null ? null : a.secretAccessKey().value(),
            ab::setSecretAccessKey);
        ifSet(a.sessionToken() == null ? null : a.sessionToken().value(), ab::setSessionToken);
        ifSet(a.region(), ab::setRegion);
        ifSet(a.serviceName(), ab::setServiceName);
        b.setAws(ab);
      }
    }
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.AiProvider.Model model(String model) {
    var b = dev.agentgateway.model.xds.proto.AiProvider.Model.newBuilder();
    ifSet(model, b::setModel);
    return b.build();
  }

  private static void ifSet(String value, Consumer<String> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}

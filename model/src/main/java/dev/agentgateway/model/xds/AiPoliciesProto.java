package dev.agentgateway.model.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.xds.proto.KeyValue;
import dev.agentgateway.model.xds.proto.LocalRateLimit;
import dev.agentgateway.model.xds.proto.PromptGuard;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IR ⇄ proto for the LLM route policies {@code ai} and {@code localRateLimit}. */
final class AiPoliciesProto {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AiPoliciesProto() {}

  static dev.agentgateway.model.xds.proto.AiPolicy ai(AiPolicy p) {
    var b = dev.agentgateway.model.xds.proto.AiPolicy.newBuilder();
    if (p.promptGuard() != null) {
      b.setPromptGuard(promptGuard(p.promptGuard()));
    }
    b.addAllDefaults(pairs(p.defaults()))
        .addAllOverrides(pairs(p.overrides()))
        .addAllModelAliases(pairs(p.modelAliases()))
        .addAllRoutes(pairs(p.routes()));
    if (p.prompts() != null) {
      b.setPrompts(
          dev.agentgateway.model.xds.proto.AiPolicy.Prompts.newBuilder()
              .addAllPrepend(p.prompts().prepend().stream().map(AiPoliciesProto::message).toList())
              .addAllAppend(p.prompts().append().stream().map(AiPoliciesProto::message).toList()));
    }
    return b.build();
  }

  private static List<KeyValue> pairs(Map<String, String> map) {
    return map.entrySet().stream()
        .map(e -> KeyValue.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
        .toList();
  }

  private static dev.agentgateway.model.xds.proto.AiPolicy.Message message(AiPolicy.Message m) {
    return dev.agentgateway.model.xds.proto.AiPolicy.Message.newBuilder()
        .setRole(m.role())
        .setContent(m.content())
        .build();
  }

  private static PromptGuard promptGuard(PromptGuardPolicy p) {
    PromptGuard.Builder b = PromptGuard.newBuilder().setStreaming(p.streaming());
    for (PromptGuardPolicy.RequestGuard g : p.request()) {
      PromptGuard.Guard.Builder gb = guard(g.check(), g.rejection());
      // Sorted so that equal IR gives equal bytes.
      g.scope().stream().sorted().forEach(s -> gb.addScope(PromptGuard.Scope.valueOf(s.name())));
      b.addRequest(gb);
    }
    for (PromptGuardPolicy.ResponseGuard g : p.response()) {
      b.addResponse(guard(g.check(), g.rejection()));
    }
    return b.build();
  }

  private static PromptGuard.Guard.Builder guard(
      PromptGuardPolicy.Check check, PromptGuardPolicy.Rejection rejection) {
    PromptGuard.Guard.Builder b = PromptGuard.Guard.newBuilder();
    switch (check) {
      case PromptGuardPolicy.Regex r -> {
        PromptGuard.Regex.Builder rb =
            PromptGuard.Regex.newBuilder().setAction(PromptGuard.Action.valueOf(r.action().name()));
        for (PromptGuardPolicy.Rule rule : r.rules()) {
          rb.addRules(
              rule.builtin() != null
                  ? PromptGuard.Rule.newBuilder()
                      .setBuiltin(PromptGuard.Builtin.valueOf(rule.builtin().name()))
                  : PromptGuard.Rule.newBuilder().setPattern(rule.pattern()));
        }
        b.setRegex(rb);
      }
      case PromptGuardPolicy.Webhook w ->
          b.setWebhook(
              PromptGuard.Webhook.newBuilder()
                  .setHost(w.host())
                  .setPort(w.port())
                  .setFailureMode(PromptGuard.FailureMode.valueOf(w.failureMode().name())));
    }
    PromptGuard.Rejection.Builder rb =
        PromptGuard.Rejection.newBuilder().setStatus(rejection.status()).setBody(rejection.body());
    if (rejection.headers() != null) {
      rb.setHeaders(IrToProto.headerModifier(rejection.headers()));
    }
    return b.setRejection(rb);
  }

  static LocalRateLimit localRateLimit(LocalRateLimitPolicy p) {
    LocalRateLimit.Builder b = LocalRateLimit.newBuilder();
    for (LocalRateLimitPolicy.Limit l : p.limits()) {
      Duration d = l.fillInterval();
      b.addLimits(
          LocalRateLimit.Limit.newBuilder()
              .setMaxTokens(l.maxTokens())
              .setTokensPerFill(l.tokensPerFill())
              .setFillInterval(
                  com.google.protobuf.Duration.newBuilder()
                      .setSeconds(d.getSeconds())
                      .setNanos(d.getNano()))
              .setType(LocalRateLimit.Type.valueOf(l.type().name())));
    }
    return b.build();
  }

  // --- proto to IR ---

  static AiPolicy ai(Fields f, String at, dev.agentgateway.model.xds.proto.AiPolicy p) {
    PromptGuardPolicy guard =
        p.hasPromptGuard() ? promptGuard(f, at + ".prompt_guard", p.getPromptGuard()) : null;
    AiPolicy.Prompts prompts =
        p.hasPrompts()
            ? new AiPolicy.Prompts(
                f.list(
                    at + ".prompts.prepend",
                    p.getPrompts().getPrependList(),
                    (mat, m) -> message(f, mat, m)),
                f.list(
                    at + ".prompts.append",
                    p.getPrompts().getAppendList(),
                    (mat, m) -> message(f, mat, m)))
            : null;
    Map<String, String> defaults = map(f, at + ".defaults", p.getDefaultsList());
    Map<String, String> overrides = map(f, at + ".overrides", p.getOverridesList());
    defaults.forEach((k, v) -> json(f, at + ".defaults[" + k + "]", v));
    overrides.forEach((k, v) -> json(f, at + ".overrides[" + k + "]", v));
    Map<String, String> aliases = map(f, at + ".model_aliases", p.getModelAliasesList());
    Map<String, String> routes = map(f, at + ".routes", p.getRoutesList());
    return f.checked(at, () -> new AiPolicy(guard, defaults, overrides, prompts, aliases, routes));
  }

  private static Map<String, String> map(Fields f, String at, List<KeyValue> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      KeyValue kv = pairs.get(i);
      String key = f.required(at + "[" + i + "].key", kv.getKey());
      if (out.put(key, kv.getValue()) != null) {
        throw f.fail(at + "[" + i + "].key", "duplicate key " + key);
      }
    }
    return out;
  }

  private static void json(Fields f, String at, String text) {
    try {
      JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw f.fail(at, "not JSON: " + e.getOriginalMessage());
    }
  }

  private static AiPolicy.Message message(
      Fields f, String at, dev.agentgateway.model.xds.proto.AiPolicy.Message m) {
    return new AiPolicy.Message(f.nonBlank(at + ".role", m.getRole()), m.getContent());
  }

  private static HeaderValue header(
      Fields f, String at, dev.agentgateway.model.xds.proto.HeaderValue h) {
    return new HeaderValue(f.required(at + ".name", h.getName()), h.getValue());
  }

  private static PromptGuardPolicy promptGuard(Fields f, String at, PromptGuard p) {
    List<PromptGuardPolicy.RequestGuard> request =
        f.list(
            at + ".request",
            p.getRequestList(),
            (gat, g) -> {
              PromptGuardPolicy.Check check = check(f, gat, g);
              PromptGuardPolicy.Rejection rejection = rejection(f, gat + ".rejection", g);
              Set<PromptGuardPolicy.Scope> scope = EnumSet.noneOf(PromptGuardPolicy.Scope.class);
              for (int i = 0; i < g.getScopeCount(); i++) {
                scope.add(
                    switch (g.getScope(i)) {
                      case SYSTEM_PROMPT -> PromptGuardPolicy.Scope.SYSTEM_PROMPT;
                      case MESSAGES -> PromptGuardPolicy.Scope.MESSAGES;
                      case TOOL_OUTPUT -> PromptGuardPolicy.Scope.TOOL_OUTPUT;
                      case TOOL_INPUT -> PromptGuardPolicy.Scope.TOOL_INPUT;
                      case SCOPE_UNSET, UNRECOGNIZED ->
                          throw f.fail(gat + ".scope[" + i + "]", "unknown value");
                    });
              }
              if (scope.isEmpty()) {
                throw f.fail(gat + ".scope", "required");
              }
              return new PromptGuardPolicy.RequestGuard(check, rejection, scope);
            });
    List<PromptGuardPolicy.ResponseGuard> response =
        f.list(
            at + ".response",
            p.getResponseList(),
            (gat, g) -> {
              if (g.getScopeCount() > 0) {
                throw f.fail(gat + ".scope", "response guards have no scope");
              }
              return new PromptGuardPolicy.ResponseGuard(
                  check(f, gat, g), rejection(f, gat + ".rejection", g));
            });
    return new PromptGuardPolicy(p.getStreaming(), request, response);
  }

  private static PromptGuardPolicy.Check check(Fields f, String at, PromptGuard.Guard g) {
    return switch (g.getCheckCase()) {
      case REGEX -> {
        PromptGuard.Regex r = g.getRegex();
        PromptGuardPolicy.Action action =
            switch (r.getAction()) {
              case MASK -> PromptGuardPolicy.Action.MASK;
              case REJECT -> PromptGuardPolicy.Action.REJECT;
              case UNRECOGNIZED -> throw f.fail(at + ".regex.action", "unknown value");
            };
        List<PromptGuardPolicy.Rule> rules =
            f.list(at + ".regex.rules", r.getRulesList(), (rat, rule) -> rule(f, rat, rule));
        yield f.checked(at + ".regex.rules", () -> new PromptGuardPolicy.Regex(action, rules));
      }
      case WEBHOOK -> {
        PromptGuard.Webhook w = g.getWebhook();
        PromptGuardPolicy.FailureMode mode =
            switch (w.getFailureMode()) {
              case FAIL_CLOSED -> PromptGuardPolicy.FailureMode.FAIL_CLOSED;
              case FAIL_OPEN -> PromptGuardPolicy.FailureMode.FAIL_OPEN;
              case UNRECOGNIZED -> throw f.fail(at + ".webhook.failure_mode", "unknown value");
            };
        yield new PromptGuardPolicy.Webhook(
            f.nonBlank(at + ".webhook.host", w.getHost()),
            f.port(at + ".webhook.port", w.getPort()),
            mode);
      }
      case CHECK_NOT_SET -> throw f.fail(at, "no check set (regex or webhook)");
    };
  }

  private static PromptGuardPolicy.Rule rule(Fields f, String at, PromptGuard.Rule rule) {
    return switch (rule.getKindCase()) {
      case BUILTIN ->
          new PromptGuardPolicy.Rule(
              switch (rule.getBuiltin()) {
                case SSN -> PromptGuardPolicy.Builtin.SSN;
                case CREDIT_CARD -> PromptGuardPolicy.Builtin.CREDIT_CARD;
                case PHONE_NUMBER -> PromptGuardPolicy.Builtin.PHONE_NUMBER;
                case EMAIL -> PromptGuardPolicy.Builtin.EMAIL;
                case CA_SIN -> PromptGuardPolicy.Builtin.CA_SIN;
                case BUILTIN_UNSET, UNRECOGNIZED -> throw f.fail(at + ".builtin", "unknown value");
              },
              null);
      case PATTERN ->
          new PromptGuardPolicy.Rule(
              null, f.regex(at + ".pattern", f.required(at + ".pattern", rule.getPattern())));
      case KIND_NOT_SET -> throw f.fail(at, "no rule set (builtin or pattern)");
    };
  }

  private static PromptGuardPolicy.Rejection rejection(Fields f, String at, PromptGuard.Guard g) {
    if (!g.hasRejection()) {
      throw f.fail(at, "required");
    }
    PromptGuard.Rejection r = g.getRejection();
    HeaderModifier headers =
        r.hasHeaders()
            ? new HeaderModifier(
                f.list(
                    at + ".headers.add",
                    r.getHeaders().getAddList(),
                    (hat, h) -> header(f, hat, h)),
                f.list(
                    at + ".headers.set",
                    r.getHeaders().getSetList(),
                    (hat, h) -> header(f, hat, h)),
                r.getHeaders().getRemoveList())
            : null;
    return new PromptGuardPolicy.Rejection(
        f.range(at + ".status", r.getStatus(), 100, 999), r.getBody(), headers);
  }

  static LocalRateLimitPolicy localRateLimit(Fields f, String at, LocalRateLimit p) {
    List<LocalRateLimitPolicy.Limit> limits =
        f.list(
            at + ".limits",
            p.getLimitsList(),
            (lat, l) -> {
              if (!l.hasFillInterval()) {
                throw f.fail(lat + ".fill_interval", "required");
              }
              Duration interval = f.duration(lat + ".fill_interval", l.getFillInterval());
              LocalRateLimitPolicy.Type type =
                  switch (l.getType()) {
                    case REQUESTS -> LocalRateLimitPolicy.Type.REQUESTS;
                    case TOKENS -> LocalRateLimitPolicy.Type.TOKENS;
                    case UNRECOGNIZED -> throw f.fail(lat + ".type", "unknown value");
                  };
              return f.checked(
                  lat,
                  () ->
                      new LocalRateLimitPolicy.Limit(
                          l.getMaxTokens(), l.getTokensPerFill(), interval, type));
            });
    return f.checked(at + ".limits", () -> new LocalRateLimitPolicy(limits));
  }
}

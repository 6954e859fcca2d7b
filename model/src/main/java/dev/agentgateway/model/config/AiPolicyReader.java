package dev.agentgateway.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.LocalRateLimitPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.model.ir.PromptGuardPolicy.Check;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the LLM route policies {@code ai} and {@code localRateLimit}. */
final class AiPolicyReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Map<String, PromptGuardPolicy.Builtin> BUILTINS =
      Map.of(
          "ssn", PromptGuardPolicy.Builtin.SSN,
          "creditCard", PromptGuardPolicy.Builtin.CREDIT_CARD,
          "phoneNumber", PromptGuardPolicy.Builtin.PHONE_NUMBER,
          "email", PromptGuardPolicy.Builtin.EMAIL,
          "caSin", PromptGuardPolicy.Builtin.CA_SIN);

  private static final Map<String, PromptGuardPolicy.Scope> SCOPES =
      Map.of(
          "systemPrompt", PromptGuardPolicy.Scope.SYSTEM_PROMPT,
          "messages", PromptGuardPolicy.Scope.MESSAGES,
          "toolOutput", PromptGuardPolicy.Scope.TOOL_OUTPUT,
          "toolInput", PromptGuardPolicy.Scope.TOOL_INPUT);

  private AiPolicyReader() {}

  /** {@code ai}, or {@code null} when absent or wrong (reported). */
  static AiPolicy ai(ConfigNode node) {
    if (!node.mapping(UpstreamFields.AI_POLICY)) {
      return null;
    }
    Map<String, String> routes = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : node.field("routes").entries().entrySet()) {
      String type = e.getValue().choice(AiPolicy.ROUTE_TYPES);
      if (type != null) {
        routes.put(e.getKey(), type);
      }
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : node.field("modelAliases").entries().entrySet()) {
      String model = e.getValue().requiredText();
      if (model != null) {
        aliases.put(e.getKey(), model);
      }
    }
    return new AiPolicy(
        promptGuard(node.field("promptGuard")),
        jsonFields(node.field("defaults")),
        jsonFields(node.field("overrides")),
        prompts(node.field("prompts")),
        aliases,
        routes);
  }

  /** A mapping of top-level body fields to any JSON values, kept as JSON text. */
  private static Map<String, String> jsonFields(ConfigNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
      try {
        out.put(e.getKey(), JSON.writeValueAsString(e.getValue().raw()));
      } catch (JsonProcessingException ex) {
        throw new UncheckedIOException(ex); // a parsed tree always serializes
      }
    }
    return out;
  }

  private static AiPolicy.Prompts prompts(ConfigNode node) {
    if (!node.mapping(UpstreamFields.PROMPTS)) {
      return null;
    }
    return new AiPolicy.Prompts(messages(node.field("prepend")), messages(node.field("append")));
  }

  private static List<AiPolicy.Message> messages(ConfigNode list) {
    List<AiPolicy.Message> out = new ArrayList<>();
    for (ConfigNode item : list.list()) {
      if (!item.mapping(UpstreamFields.CHAT_MESSAGE)) {
        continue;
      }
      String role = item.field("role").requiredText();
      ConfigNode contentNode = item.field("content");
      String content = contentNode.require() ? contentNode.text() : null;
      if (role != null && content != null) {
        out.add(new AiPolicy.Message(role, content));
      }
    }
    return out;
  }

  private static PromptGuardPolicy promptGuard(ConfigNode node) {
    if (!node.mapping(UpstreamFields.PROMPT_GUARD)) {
      return null;
    }
    String streaming = node.field("streaming").choice(List.of("Disabled", "Enabled"));
    List<PromptGuardPolicy.RequestGuard> request = new ArrayList<>();
    for (ConfigNode item : node.field("request").list()) {
      if (!item.mapping(UpstreamFields.REQUEST_GUARD)) {
        continue;
      }
      Check check = check(item, UpstreamFields.REQUEST_GUARD_KIND);
      PromptGuardPolicy.Rejection rejection = rejection(item.field("rejection"));
      Set<PromptGuardPolicy.Scope> scope = scope(item.field("scope"));
      if (check != null && (scope != null || !item.field("scope").present())) {
        request.add(new PromptGuardPolicy.RequestGuard(check, rejection, scope));
      }
    }
    List<PromptGuardPolicy.ResponseGuard> response = new ArrayList<>();
    for (ConfigNode item : node.field("response").list()) {
      if (!item.mapping(UpstreamFields.RESPONSE_GUARD)) {
        continue;
      }
      Check check = check(item, UpstreamFields.RESPONSE_GUARD_KIND);
      PromptGuardPolicy.Rejection rejection = rejection(item.field("rejection"));
      if (check != null) {
        response.add(new PromptGuardPolicy.ResponseGuard(check, rejection));
      }
    }
    return new PromptGuardPolicy("Enabled".equals(streaming), request, response);
  }

  private static Check check(ConfigNode guard, FieldSet kinds) {
    String kind = guard.variant(kinds);
    if (kind == null) {
      return null;
    }
    return kind.equals("regex") ? regex(guard.field("regex")) : webhook(guard.field("webhook"));
  }

  private static PromptGuardPolicy.Regex regex(ConfigNode node) {
    if (!node.mapping(UpstreamFields.REGEX_RULES)) {
      node.require();
      return null;
    }
    ConfigNode actionNode = node.field("action");
    String action = actionNode.present() ? actionNode.choice(List.of("mask", "reject")) : "mask";
    ConfigNode rulesNode = node.field("rules");
    if (!rulesNode.require()) {
      return null;
    }
    List<PromptGuardPolicy.Rule> rules = new ArrayList<>();
    boolean ok = true;
    for (ConfigNode item : rulesNode.list()) {
      PromptGuardPolicy.Rule rule = rule(item);
      ok &= rule != null;
      if (rule != null) {
        rules.add(rule);
      }
    }
    if (ok && rules.isEmpty()) {
      rulesNode.error("at least one rule is required");
      return null;
    }
    if (!ok || action == null) {
      return null;
    }
    return new PromptGuardPolicy.Regex(
        action.equals("mask") ? PromptGuardPolicy.Action.MASK : PromptGuardPolicy.Action.REJECT,
        rules);
  }

  private static PromptGuardPolicy.Rule rule(ConfigNode node) {
    String kind = node.oneOf(UpstreamFields.REGEX_RULE);
    if (kind == null) {
      return null;
    }
    ConfigNode value = node.field(kind);
    if (kind.equals("builtin")) {
      String name = value.choice(List.of("ssn", "creditCard", "phoneNumber", "email", "caSin"));
      return name == null ? null : new PromptGuardPolicy.Rule(BUILTINS.get(name), null);
    }
    String pattern = value.requiredText();
    if (pattern == null) {
      return null;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      value.error("invalid regular expression: " + e.getDescription());
      return null;
    }
    return new PromptGuardPolicy.Rule(null, pattern);
  }

  private static PromptGuardPolicy.Webhook webhook(ConfigNode node) {
    if (!node.mapping(UpstreamFields.WEBHOOK)) {
      node.require();
      return null;
    }
    ConfigNode target = node.field("target");
    String kind = target.require() ? target.oneOf(UpstreamFields.WEBHOOK_TARGET) : null;
    Backend.Host host = kind == null ? null : BackendReader.host(target.field("host"));
    ConfigNode modeNode = node.field("failureMode");
    String mode = modeNode.present() ? modeNode.choice(List.of("failClosed", "failOpen")) : null;
    if (host == null || modeNode.present() && mode == null) {
      return null;
    }
    return new PromptGuardPolicy.Webhook(
        host.hostname(),
        host.port(),
        "failOpen".equals(mode)
            ? PromptGuardPolicy.FailureMode.FAIL_OPEN
            : PromptGuardPolicy.FailureMode.FAIL_CLOSED);
  }

  private static PromptGuardPolicy.Rejection rejection(ConfigNode node) {
    if (!node.mapping(UpstreamFields.REJECTION)) {
      return null;
    }
    ConfigNode statusNode = node.field("status");
    Integer status = statusNode.present() ? statusNode.integer(100, 999) : Integer.valueOf(403);
    String body = PolicyReader.body(node.field("body"));
    if (status == null) {
      return null;
    }
    return new PromptGuardPolicy.Rejection(
        status, body, PolicyReader.headerModifier(node.field("headers")));
  }

  /** The scope names; {@code null} when absent (the default) or wrong (reported). */
  private static Set<PromptGuardPolicy.Scope> scope(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    Set<PromptGuardPolicy.Scope> scopes = EnumSet.noneOf(PromptGuardPolicy.Scope.class);
    List<ConfigNode> items = node.list();
    boolean ok = node.raw().isArray();
    for (ConfigNode item : items) {
      String name = item.choice(List.of("systemPrompt", "messages", "toolOutput", "toolInput"));
      ok &= name != null;
      if (name != null) {
        scopes.add(SCOPES.get(name));
      }
    }
    if (ok && scopes.isEmpty()) {
      node.error("at least one scope is required");
      return null;
    }
    return ok ? scopes : null;
  }

  /** {@code localRateLimit}: the list form; the conditional form is not supported yet. */
  static LocalRateLimitPolicy localRateLimit(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    if (node.isMapping()) {
      node.mapping(UpstreamFields.CONDITIONAL_RATE_LIMIT);
      return null;
    }
    List<LocalRateLimitPolicy.Limit> limits = new ArrayList<>();
    List<ConfigNode> items = node.list();
    boolean ok = node.raw().isArray();
    for (ConfigNode item : items) {
      LocalRateLimitPolicy.Limit limit = limit(item);
      ok &= limit != null;
      if (limit != null) {
        limits.add(limit);
      }
    }
    if (ok && limits.isEmpty()) {
      node.error("at least one limit is required");
      return null;
    }
    return ok ? new LocalRateLimitPolicy(limits) : null;
  }

  private static LocalRateLimitPolicy.Limit limit(ConfigNode node) {
    if (!node.mapping(UpstreamFields.RATE_LIMIT)) {
      return null;
    }
    // Upstream defaults both counts to 0, a bucket that refuses everything; we ask for them.
    ConfigNode maxNode = node.field("maxTokens");
    Long max = maxNode.require() ? maxNode.integer(1, Long.MAX_VALUE) : null;
    ConfigNode fillNode = node.field("tokensPerFill");
    Long perFill = fillNode.require() ? fillNode.integer(1, Long.MAX_VALUE) : null;
    ConfigNode intervalNode = node.field("fillInterval");
    Duration interval = intervalNode.require() ? intervalNode.duration() : null;
    if (interval != null && interval.isZero()) {
      intervalNode.error("must be positive");
      interval = null;
    }
    ConfigNode typeNode = node.field("type");
    String type = typeNode.present() ? typeNode.choice(List.of("requests", "tokens")) : "requests";
    if (max == null || perFill == null || interval == null || type == null) {
      return null;
    }
    return new LocalRateLimitPolicy.Limit(
        max,
        perFill,
        interval,
        type.equals("tokens")
            ? LocalRateLimitPolicy.Type.TOKENS
            : LocalRateLimitPolicy.Type.REQUESTS);
  }
}

package dev.agentgateway.proxy.llm.policy;

import dev.agentgateway.model.ir.AiPolicy;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.PromptGuardPolicy;
import dev.agentgateway.proxy.llm.guard.Builtin;
import dev.agentgateway.proxy.llm.guard.ChatMessage;
import dev.agentgateway.proxy.llm.guard.ContentScope;
import dev.agentgateway.proxy.llm.guard.FailureMode;
import dev.agentgateway.proxy.llm.guard.HeaderEdits;
import dev.agentgateway.proxy.llm.guard.PromptEnrichment;
import dev.agentgateway.proxy.llm.guard.PromptGuard;
import dev.agentgateway.proxy.llm.guard.RegexAction;
import dev.agentgateway.proxy.llm.guard.RegexRule;
import dev.agentgateway.proxy.llm.guard.RegexRules;
import dev.agentgateway.proxy.llm.guard.Rejection;
import dev.agentgateway.proxy.llm.guard.RequestGuard;
import dev.agentgateway.proxy.llm.guard.ResponseGuard;
import dev.agentgateway.proxy.llm.guard.Webhook;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps the IR's {@code ai} policy onto the guard package's config records. */
final class GuardConfigs {
  private GuardConfigs() {}

  static PromptGuard promptGuard(PromptGuardPolicy p) {
    return new PromptGuard(
        p.streaming(),
        p.request().stream()
            .map(
                g ->
                    new RequestGuard(
                        regex(g.check()), webhook(g.check()), rejection(g.rejection()), scope(g)))
            .toList(),
        p.response().stream()
            .map(
                g ->
                    new ResponseGuard(
                        regex(g.check()), webhook(g.check()), rejection(g.rejection())))
            .toList());
  }

  static PromptEnrichment prompts(AiPolicy.Prompts p) {
    return new PromptEnrichment(messages(p.prepend()), messages(p.append()));
  }

  private static List<ChatMessage> messages(List<AiPolicy.Message> messages) {
    return messages.stream().map(m -> new ChatMessage(m.role(), m.content())).toList();
  }

  private static RegexRules regex(PromptGuardPolicy.Check check) {
    if (!(check instanceof PromptGuardPolicy.Regex r)) {
      return null;
    }
    return new RegexRules(
        r.action() == PromptGuardPolicy.Action.REJECT ? RegexAction.REJECT : RegexAction.MASK,
        r.rules().stream()
            .map(
                rule ->
                    rule.builtin() != null
                        ? RegexRule.of(builtin(rule.builtin()))
                        : RegexRule.of(rule.pattern()))
            .toList());
  }

  private static Builtin builtin(PromptGuardPolicy.Builtin b) {
    return switch (b) {
      case SSN -> Builtin.SSN;
      case CREDIT_CARD -> Builtin.CREDIT_CARD;
      case PHONE_NUMBER -> Builtin.PHONE_NUMBER;
      case EMAIL -> Builtin.EMAIL;
      case CA_SIN -> Builtin.CA_SIN;
    };
  }

  private static Webhook webhook(PromptGuardPolicy.Check check) {
    if (!(check instanceof PromptGuardPolicy.Webhook w)) {
      return null;
    }
    String host = w.host().indexOf(':') >= 0 ? "[" + w.host() + "]" : w.host();
    return new Webhook(
        URI.create("http://" + host + ":" + w.port()),
        null,
        w.failureMode() == PromptGuardPolicy.FailureMode.FAIL_OPEN
            ? FailureMode.FAIL_OPEN
            : FailureMode.FAIL_CLOSED);
  }

  private static Rejection rejection(PromptGuardPolicy.Rejection r) {
    return new Rejection(r.status(), r.body(), headers(r.headers()));
  }

  private static HeaderEdits headers(HeaderModifier m) {
    if (m == null) {
      return HeaderEdits.NONE;
    }
    return new HeaderEdits(map(m.add()), map(m.set()), m.remove());
  }

  private static Map<String, String> map(List<HeaderValue> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(h -> out.put(h.name(), h.value()));
    return out;
  }

  private static Set<ContentScope> scope(PromptGuardPolicy.RequestGuard g) {
    Set<ContentScope> out = EnumSet.noneOf(ContentScope.class);
    for (PromptGuardPolicy.Scope s : g.scope()) {
      out.add(
          switch (s) {
            case SYSTEM_PROMPT -> ContentScope.SYSTEM_PROMPT;
            case MESSAGES -> ContentScope.MESSAGES;
            case TOOL_OUTPUT -> ContentScope.TOOL_OUTPUT;
            case TOOL_INPUT -> ContentScope.TOOL_INPUT;
          });
    }
    return out;
  }
}

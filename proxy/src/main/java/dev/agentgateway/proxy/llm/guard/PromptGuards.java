package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled {@link PromptGuard}: request guards run in order on the request body before it goes to
 * the provider, response guards on the response body after; the first refusal wins and masks
 * accumulate. Webhook guards block the calling (virtual) thread for their HTTP call.
 */
public final class PromptGuards {
  private record Step(
      RegexGuard regex, WebhookGuard webhook, Rejection rejection, Set<ContentScope> scope) {}

  private final List<Step> request;
  private final List<Step> response;
  private final boolean streaming;

  private PromptGuards(List<Step> request, List<Step> response, boolean streaming) {
    this.request = request;
    this.response = response;
    this.streaming = streaming;
  }

  /**
   * Compiles {@code config}; webhook guards call out through {@code http}.
   *
   * @throws IllegalArgumentException when a custom pattern is not a valid regular expression
   */
  public static PromptGuards compile(PromptGuard config, HttpClient http) {
    List<Step> request = new ArrayList<>();
    for (RequestGuard g : config.request()) {
      request.add(step(g.regex(), g.webhook(), g.rejection(), g.scope(), http));
    }
    List<Step> response = new ArrayList<>();
    for (ResponseGuard g : config.response()) {
      response.add(step(g.regex(), g.webhook(), g.rejection(), ContentScope.DEFAULT, http));
    }
    return new PromptGuards(List.copyOf(request), List.copyOf(response), config.streaming());
  }

  private static Step step(
      RegexRules regex,
      Webhook webhook,
      Rejection rejection,
      Set<ContentScope> scope,
      HttpClient http) {
    return new Step(
        regex == null ? null : RegexGuard.compile(regex),
        webhook == null ? null : new WebhookGuard(webhook, http),
        rejection,
        scope);
  }

  /** Whether any response guard is configured. */
  public boolean hasResponseGuards() {
    return !response.isEmpty();
  }

  /**
   * Runs the request guards over {@code body}, masking it in place.
   *
   * @param webhookHeaders headers for webhook calls (the wiring's CEL and forwarded headers)
   */
  public GuardResult checkRequest(
      ObjectNode body, ClientFormat format, Map<String, String> webhookHeaders) {
    boolean modified = false;
    for (Step step : request) {
      GuardResult r =
          step.regex != null
              ? regex(step, v -> RequestTexts.rewrite(body, format, step.scope, v))
              : webhook(
                  step,
                  v -> RequestTexts.rewrite(body, format, step.scope, v),
                  true,
                  webhookHeaders);
      if (r instanceof GuardResult.Rejected) {
        return r;
      }
      modified |= ((GuardResult.Allowed) r).modified();
    }
    return new GuardResult.Allowed(modified);
  }

  /** Runs the response guards over a whole (non-streamed) response body, masking it in place. */
  public GuardResult checkResponse(
      ObjectNode body, ClientFormat format, Map<String, String> webhookHeaders) {
    boolean modified = false;
    for (Step step : response) {
      GuardResult r =
          step.regex != null
              ? regex(step, v -> ResponseTexts.rewrite(body, format, v))
              : webhook(step, v -> ResponseTexts.rewrite(body, format, v), false, webhookHeaders);
      if (r instanceof GuardResult.Rejected) {
        return r;
      }
      modified |= ((GuardResult.Allowed) r).modified();
    }
    return new GuardResult.Allowed(modified);
  }

  /**
   * A guard for one streamed response's text, or {@code null} when none applies: streaming is not
   * enabled, or no regex response guard exists. Webhook response guards are not called on streams
   * (they need whole texts); the wiring should say so at load.
   */
  public StreamingResponseGuard newResponseStream() {
    if (!streaming) {
      return null;
    }
    List<StreamingMasker> maskers = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (Step step : response) {
      if (step.regex != null) {
        maskers.add(step.regex.newStream());
        rejections.add(step.rejection);
      }
    }
    return maskers.isEmpty() ? null : new StreamingResponseGuard(maskers, rejections);
  }

  /** Rewrites a body's texts with a visitor; returns whether anything changed. */
  @FunctionalInterface
  private interface Rewrite {
    boolean apply(TextVisitor visitor);
  }

  private static GuardResult regex(Step step, Rewrite rewrite) {
    if (step.regex.action() == RegexAction.REJECT) {
      boolean[] hit = {false};
      rewrite.apply(
          (role, text) -> {
            hit[0] = hit[0] || step.regex.matches(text);
            return text;
          });
      return hit[0] ? new GuardResult.Rejected(step.rejection) : new GuardResult.Allowed(false);
    }
    return new GuardResult.Allowed(rewrite.apply((role, text) -> step.regex.mask(text)));
  }

  private static GuardResult webhook(
      Step step, Rewrite rewrite, boolean isRequest, Map<String, String> headers) {
    List<GuardMessage> texts = new ArrayList<>();
    rewrite.apply(
        (role, text) -> {
          texts.add(new GuardMessage(role, text));
          return text;
        });
    if (texts.isEmpty()) {
      return new GuardResult.Allowed(false);
    }
    WebhookVerdict verdict =
        isRequest
            ? step.webhook.checkRequest(texts, headers)
            : step.webhook.checkResponse(texts, headers);
    return switch (verdict) {
      case WebhookVerdict.Pass p -> new GuardResult.Allowed(false);
      case WebhookVerdict.Reject r ->
          new GuardResult.Rejected(Rejection.of(r.statusCode(), r.body()));
      case WebhookVerdict.Mask m -> {
        int[] next = {0};
        boolean changed = rewrite.apply((role, text) -> m.messages().get(next[0]++).content());
        yield new GuardResult.Allowed(changed);
      }
    };
  }
}

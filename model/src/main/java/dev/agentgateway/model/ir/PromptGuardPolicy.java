package dev.agentgateway.model.ir;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ai.promptGuard}: guards run in order over requests before the provider and over responses
 * after it.
 *
 * @param streaming whether response guards also apply to streamed responses (upstream's {@code
 *     Enabled})
 * @param request request guards, in order
 * @param response response guards, in order
 */
public record PromptGuardPolicy(
    boolean streaming, List<RequestGuard> request, List<ResponseGuard> response) {
  public PromptGuardPolicy {
    request = request == null ? List.of() : List.copyOf(request);
    response = response == null ? List.of() : List.copyOf(response);
  }

  /** Upstream's default rejection body. */
  public static final String DEFAULT_REJECTION_BODY =
      "The request was rejected due to inappropriate content";

  /** Upstream's default rejection: 403 with {@link #DEFAULT_REJECTION_BODY}. */
  public static final Rejection DEFAULT_REJECTION =
      new Rejection(403, DEFAULT_REJECTION_BODY, null);

  /** One request guard; a null rejection or scope means upstream's default. */
  public record RequestGuard(Check check, Rejection rejection, Set<Scope> scope) {
    public RequestGuard {
      Objects.requireNonNull(check, "check");
      rejection = Objects.requireNonNullElse(rejection, DEFAULT_REJECTION);
      scope = scope == null ? Scope.DEFAULT : Set.copyOf(scope);
      if (scope.isEmpty()) {
        throw new IllegalArgumentException("scope must not be empty");
      }
    }
  }

  /** One response guard; a null rejection means upstream's default. */
  public record ResponseGuard(Check check, Rejection rejection) {
    public ResponseGuard {
      Objects.requireNonNull(check, "check");
      rejection = Objects.requireNonNullElse(rejection, DEFAULT_REJECTION);
    }
  }

  /** What a guard checks with: regular expressions or a webhook. */
  public sealed interface Check permits Regex, Webhook {}

  /** Upstream's {@code regex} guard: {@code action} over {@code rules}, at least one. */
  public record Regex(Action action, List<Rule> rules) implements Check {
    public Regex {
      Objects.requireNonNull(action, "action");
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("rules needs at least one rule");
      }
    }
  }

  /** One rule: exactly one of a builtin detector or a custom pattern. */
  public record Rule(Builtin builtin, String pattern) {
    public Rule {
      if ((builtin == null) == (pattern == null)) {
        throw new IllegalArgumentException("set exactly one of builtin or pattern");
      }
      if (pattern != null && pattern.isEmpty()) {
        throw new IllegalArgumentException("pattern must not be empty");
      }
    }
  }

  /**
   * Upstream's {@code webhook} guard with a {@code host} target ({@code host:port}).
   *
   * @param host the guard service's host name or address
   * @param port its port
   * @param failureMode what a failed call does
   */
  public record Webhook(String host, int port, FailureMode failureMode) implements Check {
    public Webhook {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
      }
      failureMode = Objects.requireNonNullElse(failureMode, FailureMode.FAIL_CLOSED);
    }
  }

  /**
   * The answer a refused request or response gets.
   *
   * @param status the HTTP status
   * @param body the body, sent as written
   * @param headers edits to the answer's headers, or {@code null}
   */
  public record Rejection(int status, String body, HeaderModifier headers) {
    public Rejection {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status must be between 100 and 999, got " + status);
      }
      body = Objects.requireNonNullElse(body, DEFAULT_REJECTION_BODY);
    }
  }

  /** What a regex guard does on a match. */
  public enum Action {
    MASK,
    REJECT
  }

  /** Upstream's builtin detectors. */
  public enum Builtin {
    SSN,
    CREDIT_CARD,
    PHONE_NUMBER,
    EMAIL,
    CA_SIN
  }

  /** What a webhook failure does: refuse (upstream's default) or let the message through. */
  public enum FailureMode {
    FAIL_CLOSED,
    FAIL_OPEN
  }

  /** The parts of a request a request guard inspects. */
  public enum Scope {
    SYSTEM_PROMPT,
    MESSAGES,
    TOOL_OUTPUT,
    TOOL_INPUT;

    /** Upstream's default scope. */
    public static final Set<Scope> DEFAULT = Set.copyOf(EnumSet.of(SYSTEM_PROMPT, MESSAGES));
  }
}

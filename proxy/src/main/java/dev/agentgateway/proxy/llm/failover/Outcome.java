package dev.agentgateway.proxy.llm.failover;

/** How one call to a provider ended, as far as the provider's health is concerned. */
public enum Outcome {
  /** A 2xx or 3xx answer. */
  SUCCESS,
  /** A 4xx other than 429: the client's fault, so the provider counts as healthy. */
  CLIENT_ERROR,
  /** A 5xx answer. */
  SERVER_ERROR,
  /** 429: the provider's rate limit. */
  RATE_LIMITED,
  /** No answer in time. */
  TIMEOUT,
  /** No connection, or it broke before an answer. */
  CONNECTION_ERROR;

  /** The outcome of an HTTP answer with {@code status}. */
  public static Outcome ofStatus(int status) {
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return status >= 400 ? CLIENT_ERROR : SUCCESS;
  }

  /** Whether this outcome counts against the provider (and may evict it). */
  public boolean isFailure() {
    return this != SUCCESS && this != CLIENT_ERROR;
  }
}

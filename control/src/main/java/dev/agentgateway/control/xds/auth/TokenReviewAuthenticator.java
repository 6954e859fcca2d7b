package dev.agentgateway.control.xds.auth;

import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the API server, by a TokenReview with audience {@value #AUDIENCE}, whose token it is; only
 * ServiceAccount tokens are accepted.
 */
public final class TokenReviewAuthenticator implements TokenAuthenticator {

  /** The audience proxies' projected tokens are minted for. */
  public static final String AUDIENCE = "agentgateway";

  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  /** A review that takes longer than this fails the stream with UNAVAILABLE. */
  static final int REQUEST_TIMEOUT_MILLIS = 5_000;

  private final KubernetesClient client;

  /** Reviews tokens through {@code client}, which needs {@code create} on tokenreviews. */
  public TokenReviewAuthenticator(KubernetesClient client) {
    Objects.requireNonNull(client, "client");
    // One attempt, bounded: the proxy retries with its own backoff, whereas the client's default
    // retries of a failing API server would hold the stream for tens of seconds.
    this.client =
        client
            .newClient(
                new RequestConfigBuilder()
                    .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .adapt(KubernetesClient.class);
  }

  @Override
  public Authentication authenticate(String token) {
    TokenReview review =
        new TokenReviewBuilder()
            .withNewSpec()
            .withToken(token)
            .withAudiences(AUDIENCE)
            .endSpec()
            .build();
    TokenReview answer;
    try {
      answer = client.authentication().v1().tokenReviews().create(review);
    } catch (KubernetesClientException e) {
      throw new ReviewUnavailableException("TokenReview failed: " + describe(e), e);
    }
    return judge(answer == null ? null : answer.getStatus());
  }

  /** The verdict carried by a TokenReview's status. */
  static Authentication judge(TokenReviewStatus status) {
    if (status == null) {
      return new Authentication.Refused("TokenReview returned no status");
    }
    if (!Boolean.TRUE.equals(status.getAuthenticated())) {
      String error = status.getError();
      return new Authentication.Refused(
          "token not authenticated" + (error == null || error.isBlank() ? "" : ": " + error));
    }
    // An API server that does not check audiences returns none; one that does names those it
    // verified, and a token minted for another audience must not pass as ours.
    List<String> audiences = status.getAudiences();
    if (audiences != null && !audiences.isEmpty() && !audiences.contains(AUDIENCE)) {
      return new Authentication.Refused(
          "token audiences " + audiences + " do not include " + AUDIENCE);
    }
    String username = status.getUser() == null ? null : status.getUser().getUsername();
    return serviceAccount(username)
        .<Authentication>map(Authentication.Accepted::new)
        .orElseGet(
            () ->
                new Authentication.Refused(
                    "authenticated as "
                        + (username == null || username.isBlank() ? "no user" : username)
                        + ", not a ServiceAccount"));
  }

  /**
   * The ServiceAccount of a username {@code system:serviceaccount:<namespace>:<name>}, or empty
   * when the user is anything else.
   */
  static Optional<GatewayKey> serviceAccount(String username) {
    if (username == null || !username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return Optional.empty();
    }
    String rest = username.substring(SERVICE_ACCOUNT_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new GatewayKey(rest.substring(0, colon), rest.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Status code and reason, never the request (which carries the token). */
  private static String describe(KubernetesClientException e) {
    if (e.getCode() > 0) {
      String message = e.getStatus() == null ? null : e.getStatus().getMessage();
      return "HTTP " + e.getCode() + (message == null ? "" : " " + message);
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return "API server unreachable ("
        + cause.getClass().getSimpleName()
        + ": "
        + cause.getMessage()
        + ")";
  }
}

package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** {@code basicAuth}: user name and password checked against htpasswd entries. */
final class BasicAuthenticator {
  private static final String DEFAULT_REALM = "Restricted";

  private final Map<String, String> hashes;
  private final String anyHash;
  private final boolean strict;
  private final Credentials credentials;
  private final Denial missing;
  private final Denial invalid;

  private BasicAuthenticator(BasicAuthPolicy policy) {
    Map<String, String> byUser = HashMap.newHashMap(policy.users().size());
    for (BasicAuthPolicy.User user : policy.users()) {
      byUser.put(user.username(), user.hash().value());
    }
    this.hashes = Map.copyOf(byUser);
    this.anyHash = policy.users().getFirst().hash().value();
    this.strict = policy.mode() == BasicAuthPolicy.Mode.STRICT;
    this.credentials = new Credentials(policy.location());
    String challenge =
        "Basic realm=\"" + (policy.realm() == null ? DEFAULT_REALM : policy.realm()) + "\"";
    this.missing =
        new Denial(
            Status.UNAUTHORIZED_401,
            "basic auth: missing credentials",
            challenge,
            ResponseReason.BASIC_AUTH);
    this.invalid =
        new Denial(
            Status.UNAUTHORIZED_401,
            "basic auth: invalid credentials",
            challenge,
            ResponseReason.BASIC_AUTH);
  }

  static BasicAuthenticator compile(BasicAuthPolicy policy) {
    return policy == null ? null : new BasicAuthenticator(policy);
  }

  /** {@code {username}} when the credentials are valid; else a denial or anonymous. */
  Check authenticate(ServerRequest req) {
    return switch (credentials.find(req)) {
      case Credentials.Found.Absent a -> strict ? missing : Check.ANONYMOUS;
      case Credentials.Found.TooLong t -> invalid;
      case Credentials.Found.Value v -> check(v.value());
    };
  }

  private Check check(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return invalid;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return invalid;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = hashes.get(user);
    if (hash == null) {
      // Spend the same work as for a known user, so timing does not reveal user names.
      PasswordHashes.matches(password, anyHash);
      return invalid;
    }
    return PasswordHashes.matches(password, hash)
        ? new Check.Accepted(Map.of("username", user), user)
        : invalid;
  }
}

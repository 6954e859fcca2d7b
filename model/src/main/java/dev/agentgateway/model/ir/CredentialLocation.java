package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Where an incoming request carries a credential (upstream's {@code AuthorizationLocation}): a
 * header with an optional prefix such as {@code "Bearer "}, a query parameter, or a cookie.
 */
public sealed interface CredentialLocation {

  /** {@code Authorization: Bearer <key>}, upstream's default for API keys. */
  CredentialLocation BEARER = new Header("authorization", "Bearer ");

  /** {@code Authorization: Basic <base64>}, upstream's default for basic auth. */
  CredentialLocation BASIC = new Header("authorization", "Basic ");

  /**
   * A request header.
   *
   * @param name the header name
   * @param prefix stripped from the value before it is checked (case-insensitive), or null
   */
  record Header(String name, String prefix) implements CredentialLocation {
    public Header {
      requireName(name, "header");
    }
  }

  /** A URL query parameter. */
  record QueryParameter(String name) implements CredentialLocation {
    public QueryParameter {
      requireName(name, "query parameter");
    }
  }

  /** A request cookie. */
  record Cookie(String name) implements CredentialLocation {
    public Cookie {
      requireName(name, "cookie");
    }
  }

  private static void requireName(String name, String what) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " name is blank");
    }
  }
}

package dev.agentgateway.model.ir;

import java.util.Objects;

/** How a redirect or rewrite changes the authority (host and port). */
public sealed interface AuthorityRewrite {

  /** Replace host and port with {@code authority}. */
  record Full(String authority) implements AuthorityRewrite {
    public Full {
      Objects.requireNonNull(authority, "authority");
    }
  }

  /** Replace only the host. */
  record Host(String host) implements AuthorityRewrite {
    public Host {
      Objects.requireNonNull(host, "host");
    }
  }

  /** Replace only the port. */
  record Port(int port) implements AuthorityRewrite {}

  /** Use the selected backend's host. */
  record Auto() implements AuthorityRewrite {}

  /** Leave the authority as the client sent it. */
  record None() implements AuthorityRewrite {}
}

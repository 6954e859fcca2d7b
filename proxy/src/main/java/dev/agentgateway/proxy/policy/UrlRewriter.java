package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.UrlRewrite;

/** A compiled {@link UrlRewrite}: the upstream path and Host for a forwarded request. */
public final class UrlRewriter {
  /** No rewrite: the path is kept and Host becomes the backend's authority. */
  public static final UrlRewriter NONE = new UrlRewriter(null, null);

  private final AuthorityRewrite authority;
  private final PathRewrite path;

  private UrlRewriter(AuthorityRewrite authority, PathRewrite path) {
    this.authority = authority;
    this.path = path;
  }

  /** Compiles {@code rewrite}; {@link #NONE} when absent. */
  public static UrlRewriter compile(UrlRewrite rewrite) {
    if (rewrite == null || rewrite.authority() == null && rewrite.path() == null) {
      return NONE;
    }
    return new UrlRewriter(rewrite.authority(), rewrite.path());
  }

  /** The upstream path for {@code rawPath}; the same instance when nothing changes. */
  public String path(String rawPath, PathMatch matched) {
    return path == null ? rawPath : UrlParts.path(path, rawPath, matched);
  }

  /** Whether the rewrite sets the authority (else a Service backend keeps the client's Host). */
  public boolean rewritesAuthority() {
    return authority != null;
  }

  /**
   * The upstream Host: the backend's authority unless the rewrite says otherwise ({@code None}
   * keeps the client's).
   */
  public String authority(String clientAuthority, String backendAuthority) {
    return authority == null
        ? backendAuthority
        : UrlParts.authority(authority, clientAuthority, backendAuthority);
  }
}

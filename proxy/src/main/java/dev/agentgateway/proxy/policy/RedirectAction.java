package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.RequestRedirect;
import io.helidon.http.Status;

/** A compiled {@link RequestRedirect}: computes the {@code Location} of a redirect answer. */
public final class RedirectAction {
  private final String scheme;
  private final AuthorityRewrite authority;
  private final PathRewrite path;
  private final Status status;

  private RedirectAction(
      String scheme, AuthorityRewrite authority, PathRewrite path, Status status) {
    this.scheme = scheme;
    this.authority = authority;
    this.path = path;
    this.status = status;
  }

  /** Compiles {@code redirect}, or returns {@code null} when absent; the status defaults to 302. */
  public static RedirectAction compile(RequestRedirect redirect) {
    if (redirect == null) {
      return null;
    }
    Status status = redirect.status() == null ? Status.FOUND_302 : Status.create(redirect.status());
    return new RedirectAction(redirect.scheme(), redirect.authority(), redirect.path(), status);
  }

  /** The redirect status. */
  public Status status() {
    return status;
  }

  /**
   * The absolute {@code Location} for a request.
   *
   * @param requestScheme {@code http} or {@code https}
   * @param requestAuthority the request's Host / :authority
   * @param rawPath the request path as received
   * @param rawQuery the raw query string, empty when none
   * @param matched the route's matching path condition, for prefix replacement
   */
  public String location(
      String requestScheme,
      String requestAuthority,
      String rawPath,
      String rawQuery,
      PathMatch matched) {
    String newScheme = scheme == null ? requestScheme : scheme;
    String newAuthority;
    if (authority != null) {
      newAuthority = UrlParts.authority(authority, requestAuthority, requestAuthority);
    } else if (scheme != null && !scheme.equals(requestScheme)) {
      // A new scheme without an explicit port means that scheme's well-known port.
      newAuthority = UrlParts.hostOf(requestAuthority);
    } else {
      newAuthority = requestAuthority;
    }
    String newPath = path == null ? rawPath : UrlParts.path(path, rawPath, matched);
    StringBuilder location =
        new StringBuilder(newScheme.length() + newAuthority.length() + newPath.length() + 4)
            .append(newScheme)
            .append("://")
            .append(newAuthority)
            .append(newPath);
    if (!rawQuery.isEmpty()) {
      location.append('?').append(rawQuery);
    }
    return location.toString();
  }
}

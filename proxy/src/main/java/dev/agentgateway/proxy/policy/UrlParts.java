package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.PathRewrite;

/** Path and authority arithmetic shared by redirects and URL rewrites. */
final class UrlParts {
  private UrlParts() {}

  /**
   * Applies {@code rewrite} to {@code path}. A prefix rewrite replaces the part that the route's
   * prefix matched and keeps the rest; without a prefix match it replaces the whole path.
   */
  static String path(PathRewrite rewrite, String path, PathMatch matched) {
    return switch (rewrite) {
      case PathRewrite.Full full -> full.path();
      case PathRewrite.Prefix prefix -> replacePrefix(prefix.prefix(), path, matched);
    };
  }

  private static String replacePrefix(String replacement, String path, PathMatch matched) {
    if (!(matched instanceof PathMatch.Prefix prefix)) {
      return replacement.isEmpty() ? "/" : replacement;
    }
    String matchedPrefix = prefix.value();
    int cut = matchedPrefix.endsWith("/") ? matchedPrefix.length() - 1 : matchedPrefix.length();
    String rest = path.substring(Math.min(cut, path.length()));
    String head =
        replacement.endsWith("/") && rest.startsWith("/")
            ? replacement.substring(0, replacement.length() - 1)
            : replacement;
    String result = head + rest;
    if (result.isEmpty()) {
      return "/";
    }
    return result.charAt(0) == '/' ? result : "/" + result;
  }

  /**
   * Applies {@code rewrite} to {@code original} (a {@code host[:port]} authority); {@code backend}
   * is the selected backend's authority, used by {@code Auto}.
   */
  static String authority(AuthorityRewrite rewrite, String original, String backend) {
    return switch (rewrite) {
      case AuthorityRewrite.Full full -> full.authority();
      case AuthorityRewrite.Host host -> withHost(original, host.host());
      case AuthorityRewrite.Port port -> hostOf(original) + ":" + port.port();
      case AuthorityRewrite.Auto auto -> backend;
      case AuthorityRewrite.None none -> original;
    };
  }

  private static String withHost(String authority, String host) {
    int colon = portColon(authority);
    return colon < 0 ? host : host + authority.substring(colon);
  }

  /** The host part of {@code authority}, keeping IPv6 brackets. */
  static String hostOf(String authority) {
    int colon = portColon(authority);
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static int portColon(String authority) {
    int colon = authority.lastIndexOf(':');
    // A colon followed by ']' sits inside an IPv6 literal, not before a port.
    return colon < 0 || authority.indexOf(']', colon) >= 0 ? -1 : colon;
  }
}

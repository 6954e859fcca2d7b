package dev.agentgateway.model.ir;

/**
 * Change the URL before forwarding.
 *
 * @param authority authority change, or {@code null}
 * @param path path change, or {@code null}
 */
public record UrlRewrite(AuthorityRewrite authority, PathRewrite path) {}

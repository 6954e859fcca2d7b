package dev.agentgateway.model.ir;

/**
 * Answer with a redirect instead of forwarding.
 *
 * @param scheme new scheme, or {@code null} to keep it
 * @param authority authority change, or {@code null} to keep it
 * @param path path change, or {@code null} to keep it
 * @param status redirect status, 302 when {@code null}
 */
public record RequestRedirect(
    String scheme, AuthorityRewrite authority, PathRewrite path, Integer status) {}

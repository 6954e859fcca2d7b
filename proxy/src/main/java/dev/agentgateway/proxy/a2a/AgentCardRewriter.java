package dev.agentgateway.proxy.a2a;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites an agent card so its URLs reach the agent through the gateway, at the address the client
 * used. The v0.3 top-level {@code url} always becomes a gateway URL; interface URLs (v1.0 {@code
 * supportedInterfaces[]}, v0.3 {@code additionalInterfaces[]}) only when they point at the backend
 * agent under its base path: the base path is stripped (whole segments only) and the rest anchored
 * at the gateway base path. URLs elsewhere stay as they are.
 *
 * @param gatewayOrigin {@code scheme://authority} the client used
 * @param gatewayBasePath the client's card path without the well-known suffix, no trailing slash
 * @param backendBasePath the agent's card path without the suffix, no trailing slash; {@code null}
 *     when the forwarded path is not a card path (then interface URLs are left alone)
 * @param backendAuthorities lower-case {@code host:port} names the backend answers to
 */
public record AgentCardRewriter(
    String gatewayOrigin,
    String gatewayBasePath,
    String backendBasePath,
    Set<String> backendAuthorities) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public AgentCardRewriter {
    backendAuthorities = Set.copyOf(backendAuthorities);
  }

  /**
   * A rewriter for a card fetched at {@code requestPath} from {@code scheme://authority} and
   * forwarded to the backend as {@code upstreamPath}.
   */
  public static AgentCardRewriter create(
      String scheme,
      String authority,
      String requestPath,
      String upstreamPath,
      Set<String> backendAuthorities) {
    return new AgentCardRewriter(
        scheme + "://" + authority,
        basePath(requestPath),
        basePath(upstreamPath),
        backendAuthorities);
  }

  /** {@code host:port} in the form {@link #backendAuthorities} holds, for {@code scheme}. */
  public static String authority(String scheme, String host, int port) {
    int effective = port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    return host.toLowerCase(Locale.ROOT) + ":" + effective;
  }

  private static String basePath(String cardPath) {
    String suffix = A2aRequests.cardSuffix(cardPath);
    if (suffix == null) {
      return null;
    }
    int end = cardPath.length() - suffix.length();
    while (end > 0 && cardPath.charAt(end - 1) == '/') {
      end--;
    }
    return cardPath.substring(0, end);
  }

  /** The rewritten card, or {@code null} when it is not a JSON object or nothing changed. */
  public byte[] rewrite(byte[] card) {
    JsonNode root;
    try {
      root = JSON.readTree(card);
    } catch (IOException e) {
      return null;
    }
    if (!(root instanceof ObjectNode object)) {
      return null;
    }
    boolean changed = false;
    JsonNode url = object.get("url");
    if (url != null && url.isTextual()) {
      changed |= replace(object, "url", agentUrl(url.asText()));
    }
    changed |= rewriteInterfaces(object.get("supportedInterfaces"));
    changed |= rewriteInterfaces(object.get("additionalInterfaces"));
    if (!changed) {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(object);
    } catch (IOException e) {
      return null;
    }
  }

  private boolean rewriteInterfaces(JsonNode interfaces) {
    if (interfaces == null || !interfaces.isArray()) {
      return false;
    }
    boolean changed = false;
    for (JsonNode entry : interfaces) {
      JsonNode url = entry.get("url");
      if (entry instanceof ObjectNode object && url != null && url.isTextual()) {
        changed |= replace(object, "url", interfaceUrl(url.asText()));
      }
    }
    return changed;
  }

  private static boolean replace(ObjectNode object, String field, String value) {
    if (value.equals(object.get(field).asText())) {
      return false;
    }
    object.put(field, value);
    return true;
  }

  /**
   * The v0.3 agent {@code url}: its part under the backend base path at the gateway, or the base.
   */
  String agentUrl(String url) {
    URI uri = parse(url);
    if (uri != null && backendBasePath != null && under(uri.getRawPath(), backendBasePath)) {
      return gatewayUrl(uri);
    }
    return gatewayBasePath.isEmpty() ? gatewayOrigin + "/" : gatewayOrigin + gatewayBasePath;
  }

  /** An interface URL: moved to the gateway when it is the backend's, otherwise unchanged. */
  String interfaceUrl(String url) {
    URI uri = parse(url);
    if (uri == null
        || backendBasePath == null
        || !isBackend(uri)
        || !under(uri.getRawPath(), backendBasePath)) {
      return url;
    }
    return gatewayUrl(uri);
  }

  private boolean isBackend(URI uri) {
    if (uri.getHost() == null) {
      // A path-absolute reference is relative to the card, i.e. the backend.
      return uri.getScheme() == null && uri.getRawAuthority() == null;
    }
    return backendAuthorities.contains(authority(uri.getScheme(), uri.getHost(), uri.getPort()));
  }

  private String gatewayUrl(URI uri) {
    String rest = uri.getRawPath().substring(backendBasePath.length());
    String path = gatewayBasePath + rest;
    StringBuilder out = new StringBuilder(gatewayOrigin).append(path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      out.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      out.append('#').append(uri.getRawFragment());
    }
    return out.toString();
  }

  /** True when {@code path} is {@code base} (no trailing slash) or below it, by whole segments. */
  static boolean under(String path, String base) {
    if (path == null) {
      return false;
    }
    return base.isEmpty()
        || path.equals(base)
        || (path.startsWith(base) && path.charAt(base.length()) == '/');
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}

package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.AuthorityRewrite;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.CorsPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.PathRewrite;
import dev.agentgateway.model.ir.RequestMirror;
import dev.agentgateway.model.ir.RequestRedirect;
import dev.agentgateway.model.ir.RetryPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.model.ir.UrlRewrite;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a route's {@code policies}; upstream policies we do not implement are reported. */
final class PolicyReader {
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern ORIGIN =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(\\*\\.)?[A-Za-z0-9.\\-\\[\\]:]+");
  private static final int MIN_STATUS = 100;
  private static final int MAX_STATUS = 999;

  private final TlsReader tls;

  /** A reader for policies of routes to backends that {@code backendTLS} does not apply to. */
  PolicyReader() {
    this(null);
  }

  PolicyReader(TlsReader tls) {
    this.tls = tls;
  }

  /** The policies, or {@code null} when absent. */
  RoutePolicies read(ConfigNode policies) {
    return read(policies, BackendLevel.NONE);
  }

  /**
   * The policies with the backend-level ones read elsewhere (they need the route's backends).
   *
   * @return the policies, or {@code null} when absent and {@code backend} sets nothing
   */
  RoutePolicies read(ConfigNode policies, BackendLevel backend) {
    if (!policies.mapping(UpstreamFields.ROUTE_POLICIES)) {
      return backend.isEmpty() ? null : backend.into(RoutePolicies.builder()).build();
    }
    return new RoutePolicies(
        headerModifier(policies.field("requestHeaderModifier")),
        headerModifier(policies.field("responseHeaderModifier")),
        redirect(policies.field("requestRedirect")),
        urlRewrite(policies.field("urlRewrite")),
        mirror(policies.field("requestMirror")),
        directResponse(policies.field("directResponse")),
        timeout(policies.field("timeout")),
        retry(policies.field("retry")),
        AuthPolicyReader.jwtAuth(policies.field("jwtAuth")),
        AuthPolicyReader.mcpAuthorization(policies.field("mcpAuthorization")),
        AuthPolicyReader.mcpAuthentication(policies.field("mcpAuthentication")),
        cors(policies.field("cors")),
        AiPolicyReader.ai(policies.field("ai")),
        AiPolicyReader.localRateLimit(policies.field("localRateLimit")),
        TransformPolicyReader.transformations(policies.field("transformations")),
        TransformPolicyReader.buffer(policies.field("buffer")),
        ExtAuthPolicyReader.extAuthz(policies.field("extAuthz")),
        ExtAuthPolicyReader.remoteRateLimit(policies.field("remoteRateLimit")),
        LocalAuthReader.apiKey(policies.field("apiKey")),
        LocalAuthReader.basicAuth(policies.field("basicAuth")),
        LocalAuthReader.authorization(policies.field("authorization")),
        LocalAuthReader.csrf(policies.field("csrf")),
        backendTls(policies.field("backendTLS")),
        backend.auth(),
        backend.tcp(),
        backend.http(),
        backend.health());
  }

  private BackendTlsPolicy backendTls(ConfigNode node) {
    if (tls == null) {
      if (node.present()) {
        node.error("backendTLS is not supported yet here");
      }
      return null;
    }
    return tls.backend(node);
  }

  /** {@code cors}: lists of names, and {@code maxAge} as a duration ({@code 10m}). */
  private static CorsPolicy cors(ConfigNode node) {
    if (!node.mapping(UpstreamFields.CORS)) {
      return null;
    }
    Boolean credentials =
        node.field("allowCredentials").present()
            ? node.field("allowCredentials").bool()
            : Boolean.FALSE;
    List<String> origins = texts(node.field("allowOrigins"));
    for (int i = 0; i < origins.size(); i++) {
      String origin = origins.get(i);
      if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
        node.field("allowOrigins")
            .list()
            .get(i)
            .error("must be *, or scheme://host[:port] where host may start with *.");
        return null;
      }
    }
    ConfigNode maxAgeNode = node.field("maxAge");
    // Envoy writes max age as seconds; upstream as a duration. Both are read.
    String maxAgeText = maxAgeNode.isText() ? maxAgeNode.text() : null;
    Duration maxAge =
        maxAgeText != null && maxAgeText.matches("[0-9]{1,9}")
            ? Duration.ofSeconds(Long.parseLong(maxAgeText))
            : maxAgeNode.present() ? maxAgeNode.duration() : null;
    if (credentials == null || (maxAgeNode.present() && maxAge == null)) {
      return null;
    }
    return new CorsPolicy(
        credentials,
        texts(node.field("allowHeaders")),
        texts(node.field("allowMethods")),
        origins,
        texts(node.field("exposeHeaders")),
        maxAge);
  }

  private static List<String> texts(ConfigNode list) {
    List<String> out = new ArrayList<>();
    for (ConfigNode item : list.list()) {
      String text = item.requiredText();
      if (text != null) {
        out.add(text);
      }
    }
    return out;
  }

  static HeaderModifier headerModifier(ConfigNode node) {
    if (!node.mapping(UpstreamFields.HEADER_MODIFIER)) {
      return null;
    }
    List<String> remove = new ArrayList<>();
    for (ConfigNode name : node.field("remove").list()) {
      String text = headerName(name, name.text());
      if (text != null) {
        remove.add(text);
      }
    }
    return new HeaderModifier(headers(node.field("add")), headers(node.field("set")), remove);
  }

  private static List<HeaderValue> headers(ConfigNode map) {
    List<HeaderValue> headers = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
      ConfigNode valueNode = entry.getValue();
      String name = headerName(valueNode, entry.getKey());
      String value = valueNode.require() ? valueNode.text() : null;
      if (value != null && !HeaderNames.isValue(value)) {
        valueNode.error("header value must not contain control characters such as line breaks");
        value = null;
      }
      if (name != null && value != null) {
        headers.add(new HeaderValue(name, value));
      }
    }
    return headers;
  }

  private static String headerName(ConfigNode node, String name) {
    if (name != null && !HeaderNames.isToken(name)) {
      node.error("invalid header name");
      return null;
    }
    return name;
  }

  private static RequestRedirect redirect(ConfigNode node) {
    if (!node.mapping(UpstreamFields.REQUEST_REDIRECT)) {
      return null;
    }
    ConfigNode schemeNode = node.field("scheme");
    String scheme = schemeNode.text();
    if (scheme != null && !SCHEME.matcher(scheme).matches()) {
      schemeNode.error("invalid scheme");
      scheme = null;
    }
    return new RequestRedirect(
        scheme == null ? null : scheme.toLowerCase(Locale.ROOT),
        authority(node.field("authority")),
        pathRewrite(node.field("path")),
        node.field("status").integer(300, 399));
  }

  private static UrlRewrite urlRewrite(ConfigNode node) {
    if (!node.mapping(UpstreamFields.URL_REWRITE)) {
      return null;
    }
    return new UrlRewrite(authority(node.field("authority")), pathRewrite(node.field("path")));
  }

  /** {@code auto}, {@code none}, or one of {@code {full}}, {@code {host}}, {@code {port}}. */
  private static AuthorityRewrite authority(ConfigNode node) {
    if (node.isText()) {
      String text = node.choice(List.of("auto", "none"));
      if (text == null) {
        return null;
      }
      return text.equals("auto") ? new AuthorityRewrite.Auto() : new AuthorityRewrite.None();
    }
    String variant = node.oneOf(UpstreamFields.AUTHORITY_REWRITE);
    if (variant == null) {
      return null;
    }
    ConfigNode value = node.field(variant);
    if (variant.equals("port")) {
      Integer port = value.require() ? value.integer(1, 65535) : null;
      return port == null ? null : new AuthorityRewrite.Port(port);
    }
    String text = value.requiredText();
    if (text == null) {
      return null;
    }
    if (variant.equals("host")) {
      if (!Hostnames.isDnsName(text)) {
        value.error("invalid host name");
        return null;
      }
      return new AuthorityRewrite.Host(text);
    }
    if (text.indexOf(':') >= 0) {
      try {
        HostPort.parse(text, 1);
      } catch (IllegalArgumentException e) {
        value.error("invalid authority: " + e.getMessage());
        return null;
      }
    } else if (!Hostnames.isDnsName(text)) {
      value.error("invalid authority (expected host or host:port)");
      return null;
    }
    return new AuthorityRewrite.Full(text);
  }

  private static PathRewrite pathRewrite(ConfigNode node) {
    ConfigNode.TextVariant v = node.textVariant(UpstreamFields.PATH_REWRITE);
    if (v == null || !v.isAbsolutePath()) {
      return null;
    }
    return v.key().equals("full")
        ? new PathRewrite.Full(v.text())
        : new PathRewrite.Prefix(v.text());
  }

  private static RequestMirror mirror(ConfigNode node) {
    if (!node.mapping(UpstreamFields.REQUEST_MIRROR)) {
      return null;
    }
    Backend backend = BackendReader.mirrorBackend(node.field("backend"));
    ConfigNode percentageNode = node.field("percentage");
    Double percentage = percentageNode.require() ? percentageNode.number(0, 1) : null;
    return backend == null || percentage == null ? null : new RequestMirror(backend, percentage);
  }

  /** The plain form only; the conditional form is reported by the field check. */
  private static DirectResponse directResponse(ConfigNode node) {
    if (!node.mapping(UpstreamFields.DIRECT_RESPONSE) || node.field("conditional").present()) {
      return null;
    }
    ConfigNode statusNode = node.field("status");
    Integer status = statusNode.require() ? statusNode.integer(MIN_STATUS, MAX_STATUS) : null;
    String body = body(node.field("body"));
    ConfigNode expressionNode = node.field("bodyExpression");
    String bodyExpression = expressionNode.present() ? expressionNode.requiredText() : null;
    if (bodyExpression != null && node.field("body").present()) {
      expressionNode.error("set either body or bodyExpression, not both");
      return null;
    }
    if (bodyExpression != null && bodyExpression.isBlank()) {
      expressionNode.error("CEL expression must not be blank");
      return null;
    }
    return status == null ? null : new DirectResponse(status, body, bodyExpression);
  }

  /** A string, or upstream's byte-list form when it is valid UTF-8. */
  static String body(ConfigNode node) {
    if (!node.present() || !node.raw().isArray()) {
      return node.text();
    }
    List<ConfigNode> items = node.list();
    byte[] bytes = new byte[items.size()];
    for (int i = 0; i < bytes.length; i++) {
      Integer b = items.get(i).integer(0, 255);
      if (b == null) {
        return null;
      }
      bytes[i] = (byte) (int) b;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      node.error("body bytes are not valid UTF-8");
      return null;
    }
  }

  private static TimeoutPolicy timeout(ConfigNode node) {
    if (!node.mapping(UpstreamFields.TIMEOUT)) {
      return null;
    }
    Duration request = node.field("requestTimeout").duration();
    Duration backend = node.field("backendRequestTimeout").duration();
    return new TimeoutPolicy(request, backend);
  }

  private static RetryPolicy retry(ConfigNode node) {
    if (!node.mapping(UpstreamFields.RETRY)) {
      return null;
    }
    Integer attempts = node.field("attempts").integer(1, 255);
    Duration backoff = node.field("backoff").duration();
    ConfigNode codesNode = node.field("codes");
    Set<Integer> codes = new LinkedHashSet<>();
    if (codesNode.require()) {
      for (ConfigNode code : codesNode.list()) {
        Integer value = code.integer(MIN_STATUS, MAX_STATUS);
        if (value != null) {
          codes.add(value);
        }
      }
    }
    String precondition = celText(node.field("precondition"));
    String condition = celText(node.field("condition"));
    return new RetryPolicy(
        attempts == null ? 1 : attempts, backoff, codes, precondition, condition);
  }

  /** An optional CEL expression: absent is null, blank is an error. */
  private static String celText(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    String text = node.requiredText();
    if (text != null && text.isBlank()) {
      node.error("CEL expression must not be blank");
      return null;
    }
    return text;
  }
}

package dev.agentgateway.model.config;

/**
 * The field names of upstream's standalone config schema, per object, split into those this loader
 * reads and those it does not support yet. Hand-maintained from the upstream schema: a field not
 * listed here is reported as unknown.
 */
final class UpstreamFields {
  private UpstreamFields() {}

  static final FieldSet ROOT =
      FieldSet.of(
          "config binds frontendPolicies mcp llm policies",
          "workloads services backends routeGroups gateways routes tcpRoutes ui");

  static final FieldSet CONFIG =
      FieldSet.of(
          "adminAddr statsAddr readinessAddr logging backend connectionTerminationDeadline"
              + " connectionMinTerminationDeadline session mcp tracing",
          "enableIpv6 dns localXdsPath modelCatalog database storage caAddress caAuthToken"
              + " xdsAddress xdsAuthToken spiffe namespace gateway trustDomain"
              + " additionalTrustDomains skipValidateTrustDomain serviceAccount clusterId network"
              + " standardAttributes histograms sensitiveHeaders customFunctions"
              + " workerThreads metrics hbone");

  static final FieldSet SESSION = FieldSet.of("key", "");

  /** {@code config.mcp}. */
  static final FieldSet MCP_CONFIG = FieldSet.of("sessionTtl", "");

  static final FieldSet LOGGING = FieldSet.of("level format filter fields", "database");

  /** {@code fields} of {@code config.logging} and {@code config.tracing}. */
  static final FieldSet TELEMETRY_FIELDS = FieldSet.of("add remove", "");

  static final FieldSet TRACING =
      FieldSet.of(
          "otlpEndpoint otlpProtocol headers randomSampling clientSampling path fields", "");

  static final FieldSet BACKEND_CONFIG =
      FieldSet.of("connectTimeout poolIdleTimeout poolMaxSize", "keepalives");

  static final FieldSet FRONTEND_POLICIES =
      FieldSet.of(
          "http tls tcp accessLog tracing",
          "networkAuthorization networkExtAuthz proxy proxyProtocol connect logging");

  static final FieldSet FRONTEND_HTTP =
      FieldSet.of(
          "maxBufferSize http1MaxHeaders http1IdleTimeout http2MaxHeaderSize http2WindowSize"
              + " http2FrameSize",
          "http1HeaderCase http2ConnectionWindowSize http2KeepaliveInterval"
              + " http2KeepaliveTimeout maxConnectionDuration");

  static final FieldSet BIND = FieldSet.of("port listeners tunnelProtocol mode", "");

  static final FieldSet LISTENER =
      FieldSet.of("name namespace hostname protocol routes tls", "tcpRoutes policies");

  static final FieldSet ROUTE =
      FieldSet.of("name namespace ruleName hostnames matches policies backends", "");

  static final FieldSet ROUTE_MATCH = FieldSet.of("headers path method query", "");

  static final FieldSet PATH_MATCH = FieldSet.of("exact pathPrefix regex", "");

  /** Header and query conditions share one shape. */
  static final FieldSet NAMED_VALUE_MATCH = FieldSet.of("name value", "");

  static final FieldSet VALUE_MATCH = FieldSet.of("exact regex", "");

  static final FieldSet ROUTE_POLICIES =
      FieldSet.of(
          "requestHeaderModifier responseHeaderModifier requestRedirect urlRewrite requestMirror"
              + " directResponse timeout retry a2a jwtAuth mcpAuthorization"
              + " mcpAuthentication cors backendAuth ai localRateLimit transformations buffer"
              + " extAuthz remoteRateLimit apiKey basicAuth authorization csrf backendTLS",
          "mcpGuardrails backendTunnel oidc extProc delay");

  /** Route policy {@code apiKey} (upstream's LocalAPIKeys). */
  static final FieldSet API_KEYS = FieldSet.of("keys mode location", "");

  /** One {@code apiKey.keys[]} entry: {@code key} or {@code keyHash}. */
  static final FieldSet API_KEY = FieldSet.of("key keyHash metadata", "allowedModels");

  /** Route policy {@code basicAuth} (upstream's LocalBasicAuth). */
  static final FieldSet BASIC_AUTH = FieldSet.of("htpasswd realm mode authorizationLocation", "");

  /** Route policy {@code csrf}. */
  static final FieldSet CSRF = FieldSet.of("additionalOrigins", "");

  /** Where an incoming request carries a credential (upstream's AuthorizationLocation). */
  static final FieldSet CREDENTIAL_LOCATION =
      FieldSet.of("header queryParameter cookie", "expression");

  static final FieldSet HEADER_MODIFIER = FieldSet.of("add set remove", "");

  /** Route policy {@code ai} (upstream's Policy). */
  static final FieldSet AI_POLICY =
      FieldSet.of(
          "promptGuard defaults overrides prompts modelAliases routes",
          "transformations finalTransformations promptCaching");

  static final FieldSet PROMPT_GUARD = FieldSet.of("streaming request response", "");

  /** One {@code promptGuard.request[]} entry, its kind included. */
  static final FieldSet REQUEST_GUARD =
      FieldSet.of(
          "regex webhook rejection scope",
          "openAIModeration bedrockGuardrails googleModelArmor azureContentSafety");

  /** The kinds of request guard; exactly one must be set. */
  static final FieldSet REQUEST_GUARD_KIND =
      FieldSet.of(
          "regex webhook",
          "openAIModeration bedrockGuardrails googleModelArmor azureContentSafety");

  /** One {@code promptGuard.response[]} entry, its kind included. */
  static final FieldSet RESPONSE_GUARD =
      FieldSet.of(
          "regex webhook rejection", "bedrockGuardrails googleModelArmor azureContentSafety");

  /** The kinds of response guard; exactly one must be set. */
  static final FieldSet RESPONSE_GUARD_KIND =
      FieldSet.of("regex webhook", "bedrockGuardrails googleModelArmor azureContentSafety");

  static final FieldSet REGEX_RULES = FieldSet.of("action rules", "");

  static final FieldSet REGEX_RULE = FieldSet.of("builtin pattern", "");

  static final FieldSet WEBHOOK = FieldSet.of("target failureMode", "headers forwardHeaderMatches");

  /** A webhook's {@code target} (upstream's SimpleLocalBackend). */
  static final FieldSet WEBHOOK_TARGET = FieldSet.of("host", "service backend");

  static final FieldSet REJECTION = FieldSet.of("body status headers", "");

  static final FieldSet PROMPTS = FieldSet.of("prepend append", "");

  static final FieldSet CHAT_MESSAGE = FieldSet.of("role content", "");

  /** One {@code localRateLimit[]} entry. */
  static final FieldSet RATE_LIMIT = FieldSet.of("maxTokens tokensPerFill fillInterval type", "");

  /** The conditional form of {@code localRateLimit}. */
  static final FieldSet CONDITIONAL_RATE_LIMIT = FieldSet.of("", "conditional");

  static final FieldSet CORS =
      FieldSet.of(
          "allowCredentials allowHeaders allowMethods allowOrigins exposeHeaders maxAge", "");

  static final FieldSet REQUEST_REDIRECT = FieldSet.of("scheme authority path status", "");

  static final FieldSet AUTHORITY_REWRITE = FieldSet.of("full host port", "");

  static final FieldSet PATH_REWRITE = FieldSet.of("full prefix", "");

  static final FieldSet URL_REWRITE = FieldSet.of("authority path", "");

  static final FieldSet REQUEST_MIRROR = FieldSet.of("backend percentage", "");

  static final FieldSet MIRROR_BACKEND = FieldSet.of("host", "service backend");

  static final FieldSet DIRECT_RESPONSE =
      FieldSet.of("body bodyExpression status", "headers conditional");

  static final FieldSet TIMEOUT = FieldSet.of("requestTimeout backendRequestTimeout", "");

  static final FieldSet RETRY = FieldSet.of("attempts backoff codes precondition condition", "");

  /** Route policy {@code transformations} (upstream's LocalTransformationConfig). */
  static final FieldSet TRANSFORMATIONS = FieldSet.of("request response", "conditional");

  /** One direction of {@code transformations} (upstream's LocalTransform). */
  static final FieldSet TRANSFORM = FieldSet.of("add set remove body", "replace metadata");

  /** Route policy {@code buffer}. */
  static final FieldSet BUFFER = FieldSet.of("request response", "");

  /** One direction of {@code buffer} (upstream's BufferBody). */
  static final FieldSet BUFFER_BODY = FieldSet.of("maxBytes failureMode", "");

  /** Every field of a route backend, its kind included. */
  static final FieldSet ROUTE_BACKEND =
      FieldSet.of("host mcp ai weight policies", "service backend internal dynamic aws routeGroup");

  /** The kinds of route backend; exactly one must be set. */
  static final FieldSet BACKEND_KIND =
      FieldSet.of("host mcp ai", "service backend internal dynamic aws routeGroup");

  /** A route backend's own {@code policies} (upstream's LocalBackendPolicies). */
  static final FieldSet BACKEND_POLICIES =
      FieldSet.of(
          "a2a backendAuth http tcp health",
          "requestHeaderModifier transformations backendTLS backendTunnel"
              + " responseHeaderModifier requestRedirect extAuthz authorization"
              + " mcpAuthorization mcpGuardrails inferenceRouting sessionAffinity ai");

  /** A backend's {@code tcp} policy (upstream's TCP). */
  static final FieldSet BACKEND_TCP = FieldSet.of("connectTimeout keepalives", "");

  /** Upstream's KeepaliveConfig. */
  static final FieldSet KEEPALIVE = FieldSet.of("enabled time interval retries", "");

  /** A backend's {@code http} policy (upstream's HTTP). */
  static final FieldSet BACKEND_HTTP = FieldSet.of("version requestTimeout", "");

  /** A backend's {@code health} policy (upstream's LocalHealthPolicy). */
  static final FieldSet HEALTH = FieldSet.of("unhealthyExpression eviction", "");

  /** Upstream's LocalEviction. */
  static final FieldSet EVICTION =
      FieldSet.of("duration consecutiveFailures healthThreshold restoreHealth", "");

  /** {@code a2a: {}} marks traffic as A2A; upstream's A2aPolicy has no fields. */
  static final FieldSet A2A = FieldSet.of("", "");

  /** An inline {@code mcp} backend (upstream's LocalMcpBackend). */
  static final FieldSet MCP_BACKEND =
      FieldSet.of("targets statefulMode prefixMode failureMode dnsRebindingProtection", "");

  /** The top-level {@code mcp} shortcut (upstream's LocalSimpleMcpConfig). */
  static final FieldSet SIMPLE_MCP =
      FieldSet.of(
          "port targets statefulMode prefixMode failureMode dnsRebindingProtection policies",
          "gateways");

  /** One {@code targets[]} entry, its kind included. */
  static final FieldSet MCP_TARGET = FieldSet.of("name sse mcp stdio openapi", "policies");

  /** The kinds of MCP target; exactly one must be set. */
  static final FieldSet MCP_TARGET_KIND = FieldSet.of("sse mcp stdio openapi", "");

  /** Where a remote ({@code mcp} or {@code sse}) target listens. */
  static final FieldSet MCP_REMOTE = FieldSet.of("host port path", "backend");

  static final FieldSet MCP_OPENAPI = FieldSet.of("schema host port path", "backend");

  static final FieldSet MCP_STDIO = FieldSet.of("cmd args env", "clear_env");

  /** The mapping forms of upstream's FileInlineOrRemote (the string form is inline text). */
  static final FieldSet FILE_OR_URL = FieldSet.of("file", "url");

  /** The {@code groups} form of an {@code ai} backend. */
  static final FieldSet AI_GROUPS = FieldSet.of("groups", "");

  static final FieldSet AI_GROUP = FieldSet.of("providers", "");

  /** One provider of an {@code ai} backend (upstream's LocalNamedAIProvider). */
  static final FieldSet NAMED_AI_PROVIDER =
      FieldSet.of("name provider hostOverride pathOverride pathPrefix policies", "tokenize");

  /** Upstream's AIProvider union. */
  static final FieldSet AI_PROVIDER_KIND =
      FieldSet.of("openAI gemini vertex anthropic bedrock azure copilot custom", "");

  static final FieldSet OPENAI_PROVIDER = FieldSet.of("model", "moderation");

  /** Anthropic, Gemini and Copilot providers. */
  static final FieldSet MODEL_ONLY = FieldSet.of("model", "");

  static final FieldSet VERTEX_PROVIDER = FieldSet.of("model region projectId", "");

  static final FieldSet BEDROCK_PROVIDER =
      FieldSet.of("model region", "guardrailIdentifier guardrailVersion");

  static final FieldSet AZURE_PROVIDER =
      FieldSet.of("model resourceName resourceType apiVersion projectName", "");

  static final FieldSet CUSTOM_PROVIDER = FieldSet.of("model providerOverride formats", "");

  static final FieldSet FORMAT_CONFIG = FieldSet.of("type path", "");

  /** An AI provider's own {@code policies}: only backendAuth so far. */
  static final FieldSet AI_PROVIDER_POLICIES =
      FieldSet.of(
          "backendAuth",
          "requestHeaderModifier transformations backendTLS http tcp backendTunnel"
              + " responseHeaderModifier requestRedirect health extAuthz authorization"
              + " mcpAuthorization mcpGuardrails a2a inferenceRouting sessionAffinity ai");

  /** Upstream's BackendAuth union (the mapping forms). */
  static final FieldSet BACKEND_AUTH =
      FieldSet.of(
          "key passthrough aws", "gcp azure jwtSign oauthTokenExchange crossAppAccess credentials");

  static final FieldSet BACKEND_AUTH_KEY = FieldSet.of("value location", "");

  static final FieldSet BACKEND_AUTH_PASSTHROUGH = FieldSet.of("", "location");

  /** Where a key goes (upstream's AuthorizationLocation). */
  static final FieldSet AUTH_LOCATION = FieldSet.of("header queryParameter", "cookie expression");

  static final FieldSet AUTH_HEADER = FieldSet.of("name prefix", "");

  static final FieldSet NAME_ONLY = FieldSet.of("name", "");

  static final FieldSet AWS_AUTH =
      FieldSet.of("accessKeyId secretAccessKey region sessionToken serviceName", "assumeRole");

  /** The mapping form of upstream's FileOrInline (the string form is the value itself). */
  static final FieldSet FILE_ONLY = FieldSet.of("file", "");

  /** The top-level {@code llm} shortcut (upstream's LocalLLMConfig). */
  static final FieldSet LLM =
      FieldSet.of("port models providers", "gateways tls virtualModels policies");

  /** One {@code llm.models[]} entry. */
  static final FieldSet LLM_MODEL =
      FieldSet.of(
          "id name visibility params provider transformation auth",
          "passthrough authorization defaults overrides finalTransformation requestHeaders"
              + " responseHeaders backendTLS tls health backendTunnel guardrails promptCaching"
              + " matches");

  static final FieldSet LLM_PARAMS =
      FieldSet.of(
          "model apiKey awsRegion vertexRegion vertexProject azureResourceName azureResourceType"
              + " azureApiVersion azureProjectName baseUrl hostOverride pathOverride pathPrefix",
          "tokenize");

  static final FieldSet LLM_PROVIDER = FieldSet.of("name params provider", "defaults");

  /** The mapping forms of a model's {@code provider}. */
  static final FieldSet LLM_PROVIDER_REF = FieldSet.of("reference custom", "");

  /** Route policy {@code extAuthz}, its target included (upstream's ExtAuthz). */
  static final FieldSet EXT_AUTHZ =
      FieldSet.of(
          "host protocol failureMode includeRequestHeaders includeRequestBody policies",
          "service backend cache conditional");

  /** Route policy {@code remoteRateLimit}, its target included (upstream's RemoteRateLimit). */
  static final FieldSet REMOTE_RATE_LIMIT =
      FieldSet.of("host domain descriptors failureMode policies", "service backend conditional");

  /** The target kinds of a service a policy calls (upstream's SimpleLocalBackend). */
  static final FieldSet SERVICE_TARGET = FieldSet.of("host", "service backend");

  /** {@code extAuthz.protocol}. */
  static final FieldSet EXT_AUTHZ_PROTOCOL = FieldSet.of("grpc http", "");

  static final FieldSet EXT_AUTHZ_GRPC = FieldSet.of("context", "metadata");

  static final FieldSet EXT_AUTHZ_HTTP =
      FieldSet.of("includeResponseHeaders", "path redirect body addRequestHeaders metadata");

  /** The mapping form of {@code extAuthz.failureMode}. */
  static final FieldSet EXT_AUTHZ_FAILURE = FieldSet.of("denyWithStatus", "");

  /** {@code extAuthz.includeRequestBody} (upstream's BodyOptions). */
  static final FieldSet BODY_OPTIONS =
      FieldSet.of("maxRequestBytes allowPartialMessage packAsBytes", "");

  /** The {@code policies} for reaching a called service (upstream's SimpleLocalBackendPolicies). */
  static final FieldSet SERVICE_POLICIES =
      FieldSet.of(
          "http", "requestHeaderModifier transformations backendTLS backendAuth tcp backendTunnel");

  static final FieldSet SERVICE_HTTP = FieldSet.of("requestTimeout", "version");

  /** One {@code remoteRateLimit.descriptors[]} entry. */
  static final FieldSet DESCRIPTOR = FieldSet.of("entries type", "cost limitOverride");

  static final FieldSet DESCRIPTOR_ENTRY = FieldSet.of("key value", "");
}

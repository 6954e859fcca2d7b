package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.FrontendHttp;

/** Reads {@code frontendPolicies}; only its {@code http} part is supported. */
final class FrontendReader {
  private FrontendReader() {}

  static FrontendHttp read(ConfigNode frontendPolicies) {
    if (!frontendPolicies.mapping(UpstreamFields.FRONTEND_POLICIES)) {
      return FrontendHttp.DEFAULT;
    }
    ConfigNode http = frontendPolicies.field("http");
    FrontendHttp d = FrontendHttp.DEFAULT;
    if (!http.mapping(UpstreamFields.FRONTEND_HTTP)) {
      return d;
    }
    Long maxBufferSize = http.field("maxBufferSize").integer(0, Long.MAX_VALUE);
    Integer maxHeaders = http.field("http1MaxHeaders").integer(0, Integer.MAX_VALUE);
    Integer maxHeaderSize = http.field("http2MaxHeaderSize").integer(0, Integer.MAX_VALUE);
    return new FrontendHttp(
        maxBufferSize == null ? d.maxBufferSize() : maxBufferSize,
        maxHeaders == null ? d.http1MaxHeaders() : maxHeaders,
        maxHeaderSize == null ? d.maxHeaderSize() : maxHeaderSize,
        StaticConfigReader.orDefault(
            http.field("http1IdleTimeout").duration(), d.http1IdleTimeout()));
  }
}

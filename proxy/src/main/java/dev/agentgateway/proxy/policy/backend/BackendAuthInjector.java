package dev.agentgateway.proxy.policy.backend;

import dev.agentgateway.model.ir.BackendAuth;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A plain backend's {@code backendAuth}, compiled: the credential written into every upstream
 * request. A key goes to {@code Authorization: Bearer <key>} unless its location names a header
 * (with an optional prefix) or a query parameter. Passthrough leaves the client's credential as it
 * came: no policy here strips it, so it already reaches the backend.
 */
public final class BackendAuthInjector {
  private final Header header;
  private final String queryParameter;

  private BackendAuthInjector(Header header, String queryParameter) {
    this.header = header;
    this.queryParameter = queryParameter;
  }

  /**
   * Compiles {@code auth}; {@code null} when absent, passthrough, or AWS signing (which only the
   * LLM gateway applies, for its providers; the readers refuse it on plain backends).
   */
  public static BackendAuthInjector compile(BackendAuth auth) {
    return switch (auth) {
      case null -> null;
      case BackendAuth.Passthrough p -> null;
      case BackendAuth.Aws a -> null;
      case BackendAuth.Key k -> {
        String key = k.value().value();
        yield switch (k.location()) {
          case null ->
              new BackendAuthInjector(
                  HeaderValues.createCached(HeaderNames.AUTHORIZATION, "Bearer " + key), null);
          case BackendAuth.Location.Header h ->
              new BackendAuthInjector(
                  HeaderValues.createCached(
                      HeaderNames.create(h.name()), (h.prefix() == null ? "" : h.prefix()) + key),
                  null);
          case BackendAuth.Location.QueryParameter q ->
              new BackendAuthInjector(
                  null,
                  URLEncoder.encode(q.name(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(key, StandardCharsets.UTF_8));
        };
      }
    };
  }

  /** Sets the credential header, replacing any the client sent under that name. */
  public void apply(WritableHeaders<?> headers) {
    if (header != null) {
      headers.set(header);
    }
  }

  /** The request target with the credential's query parameter appended, if it goes there. */
  public String target(String target) {
    if (queryParameter == null) {
      return target;
    }
    return target + (target.indexOf('?') >= 0 ? "&" : "?") + queryParameter;
  }

  @Override
  public String toString() {
    // Never the key itself.
    return header != null
        ? "BackendAuthInjector[header " + header.name() + "]"
        : "BackendAuthInjector[query]";
  }
}

package dev.agentgateway.proxy.policy.extauth;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.agentgateway.model.envoy.auth.AttributeContext;
import dev.agentgateway.model.envoy.auth.AuthorizationGrpc;
import dev.agentgateway.model.envoy.auth.CheckRequest;
import dev.agentgateway.model.envoy.auth.CheckResponse;
import dev.agentgateway.model.envoy.auth.DeniedHttpResponse;
import dev.agentgateway.model.envoy.auth.OkHttpResponse;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.xds.envoy.Address;
import dev.agentgateway.model.xds.envoy.HeaderValueOption;
import dev.agentgateway.model.xds.envoy.SocketAddress;
import dev.agentgateway.proxy.policy.HeaderMutation;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Asks an Envoy {@code envoy.service.auth.v3.Authorization} service over gRPC. */
final class GrpcAuthorizer implements Authorizer {
  private static final int OK = 0;
  private static final int DEFAULT_DENY_STATUS = 403;
  private static final HeaderName REQUEST_ID = HeaderNames.create("x-request-id");

  private final Supplier<Channel> channel;
  private final Duration timeout;
  private final ExtAuthzPolicy policy;

  GrpcAuthorizer(Supplier<Channel> channel, Duration timeout, ExtAuthzPolicy policy) {
    this.channel = channel;
    this.timeout = timeout;
    this.policy = policy;
  }

  @Override
  public ExtAuthzOutcome check(AuthzRequest request) throws CheckFailedException {
    CheckResponse response;
    try {
      response =
          AuthorizationGrpc.newBlockingStub(channel.get())
              .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
              .check(checkRequest(request));
    } catch (StatusRuntimeException e) {
      throw new CheckFailedException("ext_authz call failed: " + e.getStatus().getCode(), e);
    }
    if (response.getStatus().getCode() == OK) {
      return allow(request.request().headers(), response.getOkResponse());
    }
    return deny(response.getDeniedResponse());
  }

  CheckRequest checkRequest(AuthzRequest request) {
    ServerRequest req = request.request();
    String query = req.prologue().query().rawValue();
    String path = req.prologue().uriPath().rawPath() + (query.isEmpty() ? "" : "?" + query);
    String host = req.headers().first(HeaderNames.HOST).orElse("");
    String scheme = req.isSecure() ? "https" : "http";
    String method = req.prologue().method().text();
    AttributeContext.HttpRequest.Builder http =
        AttributeContext.HttpRequest.newBuilder()
            .setMethod(method)
            .setPath(path)
            .setHost(host)
            .setScheme(scheme)
            .setProtocol(protocol(req.prologue().protocolVersion()))
            .setSize(req.headers().contentLength().orElse(-1))
            .putAllHeaders(headers(req, method, path, host, scheme));
    req.headers().first(REQUEST_ID).ifPresent(http::setId);
    byte[] body = request.body();
    if (body != null) {
      if (policy.includeRequestBody().packAsBytes()) {
        http.setRawBody(ByteString.copyFrom(body));
      } else {
        http.setBody(new String(body, StandardCharsets.UTF_8));
      }
    }
    Instant now = Instant.now();
    AttributeContext.Builder attributes =
        AttributeContext.newBuilder()
            .setRequest(
                AttributeContext.Request.newBuilder()
                    .setTime(
                        Timestamp.newBuilder()
                            .setSeconds(now.getEpochSecond())
                            .setNanos(now.getNano()))
                    .setHttp(http))
            .putAllContextExtensions(policy.context());
    peer(req.remotePeer().address()).ifPresent(a -> attributes.getSourceBuilder().setAddress(a));
    peer(req.localPeer().address())
        .ifPresent(a -> attributes.getDestinationBuilder().setAddress(a));
    return CheckRequest.newBuilder().setAttributes(attributes).build();
  }

  /** Envoy's names: {@code HTTP/1.0}, {@code HTTP/1.1}, {@code HTTP/2}. */
  private static String protocol(String version) {
    return "2.0".equals(version) ? "HTTP/2" : "HTTP/" + version;
  }

  /** The listed headers (all by default), names lower-cased, repeated values joined by commas. */
  private Map<String, String> headers(
      ServerRequest req, String method, String path, String host, String scheme) {
    List<String> wanted = policy.includeRequestHeaders();
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> pseudo =
        Map.of(":method", method, ":path", path, ":authority", host, ":scheme", scheme);
    for (Map.Entry<String, String> p : pseudo.entrySet()) {
      if (wanted == null || wanted.contains(p.getKey())) {
        out.put(p.getKey(), p.getValue());
      }
    }
    for (Header header : req.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (wanted == null || wanted.contains(name)) {
        out.merge(name, String.join(",", header.allValues()), (a, b) -> a + "," + b);
      }
    }
    return out;
  }

  private static java.util.Optional<Address> peer(java.net.SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return java.util.Optional.of(
          Address.newBuilder()
              .setSocketAddress(
                  SocketAddress.newBuilder()
                      .setAddress(inet.getAddress().getHostAddress())
                      .setPortValue(inet.getPort()))
              .build());
    }
    return java.util.Optional.empty();
  }

  /** Applies {@code ok}'s header edits the way Envoy does, against the request's own headers. */
  private static ExtAuthzOutcome allow(Headers request, OkHttpResponse ok) {
    List<Header> add = new ArrayList<>();
    List<Header> set = new ArrayList<>();
    for (HeaderValueOption option : ok.getHeadersList()) {
      Header header = header(option);
      if (header == null) {
        continue;
      }
      boolean exists = request.contains(header.headerName());
      switch (action(option)) {
        case APPEND_IF_EXISTS_OR_ADD -> add.add(header);
        case ADD_IF_ABSENT -> {
          if (!exists) {
            add.add(header);
          }
        }
        case OVERWRITE_IF_EXISTS -> {
          if (exists) {
            set.add(header);
          }
        }
        default -> set.add(header);
      }
    }
    List<HeaderName> remove = new ArrayList<>();
    for (String name : ok.getHeadersToRemoveList()) {
      // Pseudo headers and Host may not be removed: the request would be malformed.
      if (!name.startsWith(":") && !name.equalsIgnoreCase("host")) {
        remove.add(HeaderNames.create(name));
      }
    }
    List<Header> response = new ArrayList<>();
    for (HeaderValueOption option : ok.getResponseHeadersToAddList()) {
      Header header = header(option);
      if (header != null) {
        response.add(header);
      }
    }
    return new ExtAuthzOutcome.Allow(HeaderMutation.of(add, set, remove), response, "");
  }

  /**
   * The action of {@code option}: the deprecated {@code append} wins when set; otherwise, as in
   * Envoy's ext_authz filter, an unset action overwrites.
   */
  private static HeaderValueOption.HeaderAppendAction action(HeaderValueOption option) {
    if (option.hasAppend()) {
      return option.getAppend().getValue()
          ? HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD
          : HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD;
    }
    HeaderValueOption.HeaderAppendAction action = option.getAppendAction();
    return action == HeaderValueOption.HeaderAppendAction.APPEND_IF_EXISTS_OR_ADD
        ? HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD
        : action;
  }

  private static ExtAuthzOutcome deny(DeniedHttpResponse denied) {
    int code = denied.getStatus().getCodeValue();
    int status = code >= 100 && code <= 999 ? code : DEFAULT_DENY_STATUS;
    List<Header> headers = new ArrayList<>();
    for (HeaderValueOption option : denied.getHeadersList()) {
      Header header = header(option);
      if (header != null) {
        headers.add(header);
      }
    }
    return new ExtAuthzOutcome.Deny(
        status, headers, denied.getBody().getBytes(StandardCharsets.UTF_8), "ext_authz denied");
  }

  /** The header of {@code option}, or {@code null} when its name or value is unusable. */
  private static Header header(HeaderValueOption option) {
    String name = option.getHeader().getKey();
    String value =
        option.getHeader().getValue().isEmpty() && !option.getHeader().getRawValue().isEmpty()
            ? option.getHeader().getRawValue().toStringUtf8()
            : option.getHeader().getValue();
    if (name.isEmpty()
        || name.startsWith(":")
        || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0) {
      return null;
    }
    return HeaderValues.create(HeaderNames.create(name.toLowerCase(Locale.ROOT)), value);
  }
}

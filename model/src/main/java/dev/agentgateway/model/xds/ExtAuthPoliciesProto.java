package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.xds.proto.ExtAuthz;
import dev.agentgateway.model.xds.proto.KeyValue;
import dev.agentgateway.model.xds.proto.RemoteRateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IR ⇄ proto for the route policies {@code extAuthz} and {@code remoteRateLimit}. */
final class ExtAuthPoliciesProto {
  private ExtAuthPoliciesProto() {}

  static ExtAuthz extAuthz(ExtAuthzPolicy p) {
    ExtAuthz.Builder b =
        ExtAuthz.newBuilder()
            .setTarget(IrToProto.backend(p.target()))
            .setProtocol(ExtAuthz.Protocol.valueOf(p.protocol().name()))
            .addAllIncludeResponseHeaders(p.includeResponseHeaders())
            .setFailureMode(ExtAuthz.FailureMode.valueOf(p.failureMode().name()))
            .setFailureStatus(p.failureStatus());
    // Sorted, so equal policies encode to equal bytes (the IR map has no order).
    new TreeMap<>(p.context())
        .forEach((k, v) -> b.addContext(KeyValue.newBuilder().setKey(k).setValue(v)));
    if (p.includeRequestHeaders() != null) {
      b.setIncludeRequestHeaders(
          ExtAuthz.HeaderList.newBuilder().addAllNames(p.includeRequestHeaders()));
    }
    ExtAuthzPolicy.BodyOptions body = p.includeRequestBody();
    if (body != null) {
      b.setIncludeRequestBody(
          ExtAuthz.BodyOptions.newBuilder()
              .setMaxRequestBytes(body.maxRequestBytes())
              .setAllowPartialMessage(body.allowPartialMessage())
              .setPackAsBytes(body.packAsBytes()));
    }
    if (p.timeout() != null) {
      b.setTimeout(IrToProto.duration(p.timeout()));
    }
    return b.build();
  }

  static RemoteRateLimit remoteRateLimit(RemoteRateLimitPolicy p) {
    RemoteRateLimit.Builder b =
        RemoteRateLimit.newBuilder()
            .setTarget(IrToProto.backend(p.target()))
            .setDomain(p.domain())
            .setFailureMode(RemoteRateLimit.FailureMode.valueOf(p.failureMode().name()));
    for (RemoteRateLimitPolicy.Descriptor d : p.descriptors()) {
      RemoteRateLimit.Descriptor.Builder db = RemoteRateLimit.Descriptor.newBuilder();
      for (RemoteRateLimitPolicy.Entry e : d.entries()) {
        db.addEntries(RemoteRateLimit.Entry.newBuilder().setKey(e.key()).setValue(e.value()));
      }
      b.addDescriptors(db);
    }
    if (p.timeout() != null) {
      b.setTimeout(IrToProto.duration(p.timeout()));
    }
    return b.build();
  }

  static ExtAuthzPolicy extAuthz(Fields f, String at, ExtAuthz p) {
    ExtAuthzPolicy.Protocol protocol =
        switch (p.getProtocol()) {
          case GRPC -> ExtAuthzPolicy.Protocol.GRPC;
          case HTTP -> ExtAuthzPolicy.Protocol.HTTP;
          case UNRECOGNIZED -> throw f.fail(at + ".protocol", "unknown value");
        };
    ExtAuthzPolicy.FailureMode failureMode =
        switch (p.getFailureMode()) {
          case DENY -> ExtAuthzPolicy.FailureMode.DENY;
          case ALLOW -> ExtAuthzPolicy.FailureMode.ALLOW;
          case UNRECOGNIZED -> throw f.fail(at + ".failure_mode", "unknown value");
        };
    Map<String, String> context = new LinkedHashMap<>();
    List<KeyValue> pairs = p.getContextList();
    for (int i = 0; i < pairs.size(); i++) {
      if (context.put(pairs.get(i).getKey(), pairs.get(i).getValue()) != null) {
        throw f.fail(at + ".context[" + i + "]", "duplicate key " + pairs.get(i).getKey());
      }
    }
    List<String> requestHeaders =
        p.hasIncludeRequestHeaders() ? p.getIncludeRequestHeaders().getNamesList() : null;
    ExtAuthzPolicy.BodyOptions body =
        p.hasIncludeRequestBody()
            ? f.checked(
                at + ".include_request_body",
                () ->
                    new ExtAuthzPolicy.BodyOptions(
                        p.getIncludeRequestBody().getMaxRequestBytes(),
                        p.getIncludeRequestBody().getAllowPartialMessage(),
                        p.getIncludeRequestBody().getPackAsBytes()))
            : null;
    Duration timeout = p.hasTimeout() ? f.duration(at + ".timeout", p.getTimeout()) : null;
    Backend target = f.plain(at + ".target", p.hasTarget(), p.getTarget());
    return f.checked(
        at,
        () ->
            new ExtAuthzPolicy(
                target,
                protocol,
                context,
                p.getIncludeResponseHeadersList(),
                requestHeaders,
                body,
                failureMode,
                p.getFailureStatus(),
                timeout));
  }

  static RemoteRateLimitPolicy remoteRateLimit(Fields f, String at, RemoteRateLimit p) {
    RemoteRateLimitPolicy.FailureMode failureMode =
        switch (p.getFailureMode()) {
          case FAIL_CLOSED -> RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED;
          case FAIL_OPEN -> RemoteRateLimitPolicy.FailureMode.FAIL_OPEN;
          case UNRECOGNIZED -> throw f.fail(at + ".failure_mode", "unknown value");
        };
    List<RemoteRateLimitPolicy.Descriptor> descriptors =
        f.list(
            at + ".descriptors",
            p.getDescriptorsList(),
            (dat, d) -> {
              List<RemoteRateLimitPolicy.Entry> entries =
                  f.list(
                      dat + ".entries",
                      d.getEntriesList(),
                      (eat, e) ->
                          f.checked(
                              eat,
                              () -> new RemoteRateLimitPolicy.Entry(e.getKey(), e.getValue())));
              return f.checked(dat, () -> new RemoteRateLimitPolicy.Descriptor(entries));
            });
    Duration timeout = p.hasTimeout() ? f.duration(at + ".timeout", p.getTimeout()) : null;
    Backend target = f.plain(at + ".target", p.hasTarget(), p.getTarget());
    return f.checked(
        at,
        () -> new RemoteRateLimitPolicy(target, p.getDomain(), descriptors, failureMode, timeout));
  }
}

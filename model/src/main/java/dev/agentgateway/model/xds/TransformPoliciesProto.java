package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.BufferPolicy;
import dev.agentgateway.model.ir.HeaderValue;
import dev.agentgateway.model.ir.TransformationPolicy;
import dev.agentgateway.model.xds.proto.BufferLimit;
import dev.agentgateway.model.xds.proto.Transform;

/** The {@code transformations} and {@code buffer} policies, IR to proto and back. */
final class TransformPoliciesProto {
  private TransformPoliciesProto() {}

  static dev.agentgateway.model.xds.proto.TransformationPolicy transformations(
      TransformationPolicy t) {
    var b = dev.agentgateway.model.xds.proto.TransformationPolicy.newBuilder();
    if (t.request() != null) {
      b.setRequest(transform(t.request()));
    }
    if (t.response() != null) {
      b.setResponse(transform(t.response()));
    }
    return b.build();
  }

  private static Transform transform(TransformationPolicy.Transform t) {
    Transform.Builder b = Transform.newBuilder().addAllRemove(t.remove());
    t.add().forEach(h -> b.addAdd(headerValue(h)));
    t.set().forEach(h -> b.addSet(headerValue(h)));
    if (t.body() != null) {
      b.setBody(t.body());
    }
    return b.build();
  }

  private static dev.agentgateway.model.xds.proto.HeaderValue headerValue(HeaderValue h) {
    return dev.agentgateway.model.xds.proto.HeaderValue.newBuilder()
        .setName(h.name())
        .setValue(h.value())
        .build();
  }

  static dev.agentgateway.model.xds.proto.BufferPolicy buffer(BufferPolicy p) {
    var b = dev.agentgateway.model.xds.proto.BufferPolicy.newBuilder();
    if (p.request() != null) {
      b.setRequest(limit(p.request()));
    }
    if (p.response() != null) {
      b.setResponse(limit(p.response()));
    }
    return b.build();
  }

  private static BufferLimit limit(BufferPolicy.Limit l) {
    BufferLimit.Builder b = BufferLimit.newBuilder().setFailOpen(l.failOpen());
    if (l.maxBytes() != null) {
      b.setMaxBytes(l.maxBytes());
    }
    return b.build();
  }

  static TransformationPolicy transformations(
      Fields f, String at, dev.agentgateway.model.xds.proto.TransformationPolicy p) {
    return new TransformationPolicy(
        p.hasRequest() ? transform(f, at + ".request", p.getRequest()) : null,
        p.hasResponse() ? transform(f, at + ".response", p.getResponse()) : null);
  }

  private static TransformationPolicy.Transform transform(Fields f, String at, Transform p) {
    f.list(at + ".remove", p.getRemoveList(), f::required);
    return f.checked(
        at,
        () ->
            new TransformationPolicy.Transform(
                f.list(at + ".add", p.getAddList(), (h, v) -> expression(f, h, v)),
                f.list(at + ".set", p.getSetList(), (h, v) -> expression(f, h, v)),
                p.getRemoveList(),
                p.hasBody() ? p.getBody() : null));
  }

  private static HeaderValue expression(
      Fields f, String at, dev.agentgateway.model.xds.proto.HeaderValue v) {
    return new HeaderValue(
        f.required(at + ".name", v.getName()), f.nonBlank(at + ".value", v.getValue()));
  }

  static BufferPolicy buffer(Fields f, String at, dev.agentgateway.model.xds.proto.BufferPolicy p) {
    return new BufferPolicy(
        p.hasRequest() ? limit(f, at + ".request", p.getRequest()) : null,
        p.hasResponse() ? limit(f, at + ".response", p.getResponse()) : null);
  }

  private static BufferPolicy.Limit limit(Fields f, String at, BufferLimit p) {
    return f.checked(
        at + ".max_bytes",
        () -> new BufferPolicy.Limit(p.hasMaxBytes() ? p.getMaxBytes() : null, p.getFailOpen()));
  }
}

package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.translate.policy.PolicyFields.FieldError;
import dev.agentgateway.crds.common.BackendRef;
import dev.agentgateway.model.ir.Backend;

/**
 * A policy's {@code backendRef} to a service it calls (ext_authz, rate limit, JWKS, OTLP): only a
 * port of a Service in the policy's own namespace is supported yet.
 */
final class LocalServiceRef {
  private LocalServiceRef() {}

  /**
   * The Service port {@code ref} names.
   *
   * @param field the reference's field, named by the errors
   * @throws FieldError when {@code ref} is absent, not a Service port, or in another namespace
   */
  static Backend.Service resolve(String field, BackendRef ref, String namespace) {
    boolean service =
        ref != null
            && (ref.group() == null || ref.group().isEmpty())
            && (ref.kind() == null || ref.kind().equals("Service"));
    if (!service || ref.port() == null) {
      throw new FieldError(field, "only a Service with a port is supported yet");
    }
    if (ref.namespace() != null && !ref.namespace().equals(namespace)) {
      throw new FieldError(field, "must be in the policy's namespace " + namespace);
    }
    return new Backend.Service(namespace, ref.name(), ref.port());
  }
}

package dev.agentgateway.control.translate;

import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Pem;
import dev.agentgateway.model.ir.Secret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerTLSConfig;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves an HTTPS listener's {@code tls.certificateRefs} to the serving certificate and key, sent
 * inline over xDS. A failure carries the Gateway API ResolvedRefs reason; its message names the
 * reference and what is wrong, never a secret value.
 */
final class ListenerCertificates {
  static final String INVALID = "InvalidCertificateRef";
  static final String NOT_PERMITTED = "RefNotPermitted";

  private final Map<ObjectKey, io.fabric8.kubernetes.api.model.Secret> secrets = new HashMap<>();
  private final ReferenceGrants grants;

  ListenerCertificates(
      List<io.fabric8.kubernetes.api.model.Secret> secrets, ReferenceGrants grants) {
    secrets.forEach(s -> this.secrets.put(ObjectKey.of(s), s));
    this.grants = grants;
  }

  /** The TLS of a listener, or why it has none. */
  record Resolved(ListenerTls tls, String reason, String message) {
    static Resolved failed(String reason, String message) {
      return new Resolved(null, reason, message);
    }
  }

  /**
   * Resolves {@code tls} of a listener of {@code owner}, a Gateway or a ListenerSet ({@code
   * ownerKind}), whose namespace is the default of each reference and the {@code from} of any
   * ReferenceGrant.
   */
  Resolved resolve(HasMetadata owner, String ownerKind, ListenerTLSConfig tls) {
    List<SecretObjectReference> refs =
        tls == null
            ? List.of()
            : Objects.requireNonNullElse(
                tls.getCertificateRefs(), List.<SecretObjectReference>of());
    if (refs.isEmpty()) {
      return Resolved.failed(INVALID, "an HTTPS listener needs tls.certificateRefs");
    }
    String ownerNs = owner.getMetadata().getNamespace();
    // Every reference is resolved before the count is refused, so a bad one is named first.
    Resolved first = null;
    for (int i = 0; i < refs.size(); i++) {
      Resolved r = one("tls.certificateRefs[" + i + "]", ownerNs, ownerKind, refs.get(i));
      if (r.tls() == null) {
        return r;
      }
      if (first == null) {
        first = r;
      }
    }
    if (refs.size() > 1) {
      return Resolved.failed(
          INVALID, "tls.certificateRefs[1]: only one certificate per listener is supported yet");
    }
    return first;
  }

  private Resolved one(String field, String ownerNs, String ownerKind, SecretObjectReference ref) {
    String group = Objects.requireNonNullElse(ref.getGroup(), "");
    String kind = Objects.requireNonNullElse(ref.getKind(), "Secret");
    String ns = Objects.requireNonNullElse(ref.getNamespace(), ownerNs);
    if (!group.isEmpty() || !kind.equals("Secret")) {
      return Resolved.failed(
          INVALID,
          field
              + ": "
              + (group.isEmpty() ? "" : group + "/")
              + kind
              + " is not supported; use a Secret");
    }
    String name = "Secret " + ns + "/" + ref.getName();
    if (!grants.allows(
        GatewayListeners.GROUP, ownerKind, ownerNs, "", "Secret", ns, ref.getName())) {
      return Resolved.failed(
          NOT_PERMITTED, field + ": no ReferenceGrant in " + ns + " allows a reference to " + name);
    }
    io.fabric8.kubernetes.api.model.Secret secret = secrets.get(new ObjectKey(ns, ref.getName()));
    if (secret == null) {
      return Resolved.failed(INVALID, field + ": " + name + " not found");
    }
    try {
      Map<String, String> data = data(secret);
      String cert = data.get("tls.crt");
      String key = data.get("tls.key");
      if (cert == null || key == null || cert.isBlank() || key.isBlank()) {
        return Resolved.failed(INVALID, field + ": " + name + " needs keys tls.crt and tls.key");
      }
      ListenerTls tls = new ListenerTls(cert, new Secret(key), null, null, null, null, null, null);
      requireMatch(Pem.certificates(cert).get(0), Pem.privateKey(key));
      return new Resolved(tls, null, null);
    } catch (IllegalArgumentException e) {
      // The model's PEM and base64 errors name the field and the problem, never the content.
      return Resolved.failed(INVALID, field + ": " + name + ": " + e.getMessage());
    }
  }

  /** The key must be the leaf certificate's: sign with one, verify with the other. */
  private static void requireMatch(X509Certificate leaf, PrivateKey key) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> "EdDSA";
        };
    try {
      byte[] probe = "agentgateway listener key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a key of another type than the certificate's: a mismatch too
    }
    throw new IllegalArgumentException("tls.key does not match the certificate in tls.crt");
  }

  /** {@code data} decoded, then {@code stringData} (as the API server merges them). */
  private static Map<String, String> data(io.fabric8.kubernetes.api.model.Secret s) {
    Map<String, String> out = new HashMap<>();
    Objects.requireNonNullElse(s.getData(), Map.<String, String>of())
        .forEach(
            (k, v) ->
                out.put(k, new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8)));
    out.putAll(Objects.requireNonNullElse(s.getStringData(), Map.of()));
    return out;
  }
}

package dev.agentgateway.control.translate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.translate.policy.PolicyFields.FieldError;
import dev.agentgateway.crds.common.AuthSecretRef;
import dev.agentgateway.crds.common.BackendTls;
import dev.agentgateway.crds.common.CaCertificateRef;
import dev.agentgateway.crds.common.CertificateSource;
import dev.agentgateway.crds.common.InsecureSkipVerify;
import dev.agentgateway.crds.common.SecretRef;
import dev.agentgateway.crds.policy.ApiKeyAuthentication;
import dev.agentgateway.crds.policy.AuthenticationMode;
import dev.agentgateway.crds.policy.AuthorizationLocation;
import dev.agentgateway.crds.policy.BasicAuthentication;
import dev.agentgateway.crds.policy.BasicAuthenticationMode;
import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.Secret;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Maps the fields whose values live in Secrets and ConfigMaps of the policy's namespace (htpasswd
 * users, API keys, backend CA and client certificates). A reference that resolves to nothing is a
 * {@link FieldError} naming the reference; errors never quote a secret value.
 */
final class CredentialFields {
  /** Upstream's default data key of a basicAuthentication Secret. */
  static final String HTPASSWD_KEY = ".htaccess";

  /** Upstream's default data key of a backend.auth Secret. */
  static final String AUTHORIZATION_KEY = "Authorization";

  private static final String BEARER = "Bearer ";

  private final ObjectMapper json;
  private final String namespace;
  private final PolicyCluster cluster;

  CredentialFields(ObjectMapper json, String namespace, PolicyCluster cluster) {
    this.json = json;
    this.namespace = namespace;
    this.cluster = cluster;
  }

  /** {@code basicAuthentication}: htpasswd lines inline or from a Secret. */
  BasicAuthPolicy basicAuth(BasicAuthentication b) {
    List<String> lines;
    if (b.secretRef() != null) {
      AuthSecretRef ref = b.secretRef();
      requireSecretKind("secretRef", ref.group(), ref.kind());
      String key = Objects.requireNonNullElse(ref.key(), HTPASSWD_KEY);
      String file = secretData("secretRef", ref.name()).get(key);
      if (file == null) {
        throw new FieldError("secretRef", secretName(ref.name()) + " has no key " + key);
      }
      lines =
          file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } else {
      lines = Objects.requireNonNullElse(b.users(), List.of());
    }
    List<BasicAuthPolicy.User> users = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int colon = line.indexOf(':');
      if (colon <= 0 || colon == line.length() - 1) {
        throw new FieldError(
            (b.secretRef() != null ? "secretRef" : "users") + "[" + i + "]",
            "not an htpasswd line (user:hash)");
      }
      users.add(
          new BasicAuthPolicy.User(
              line.substring(0, colon), new Secret(line.substring(colon + 1))));
    }
    return new BasicAuthPolicy(
        users,
        b.realm(),
        b.mode() == BasicAuthenticationMode.OPTIONAL
            ? BasicAuthPolicy.Mode.OPTIONAL
            : BasicAuthPolicy.Mode.STRICT,
        location(b.location(), CredentialLocation.BASIC));
  }

  /**
   * Where a credential is read from; {@code absent} when the policy does not say.
   *
   * @throws FieldError for a CEL {@code expression} location, which is not supported yet
   */
  static CredentialLocation location(AuthorizationLocation l, CredentialLocation absent) {
    if (l == null) {
      return absent;
    }
    if (l.header() != null) {
      return new CredentialLocation.Header(
          l.header().name().toLowerCase(Locale.ROOT), l.header().prefix());
    }
    if (l.queryParameter() != null) {
      return new CredentialLocation.QueryParameter(l.queryParameter().name());
    }
    if (l.cookie() != null) {
      return new CredentialLocation.Cookie(l.cookie().name());
    }
    throw new FieldError("location.expression", "not supported yet");
  }

  /** {@code apiKeyAuthentication}: one key per data entry of the Secret(s). */
  ApiKeyAuthPolicy apiKey(ApiKeyAuthentication a) {
    List<ApiKeyAuthPolicy.Key> keys = new ArrayList<>();
    if (a.secretRef() != null) {
      requireSecretKind("secretRef", a.secretRef().group(), a.secretRef().kind());
      secretData("secretRef", a.secretRef().name())
          .forEach((entry, value) -> keys.add(key("secretRef", entry, value)));
    } else if (a.secretSelector() != null) {
      Map<String, String> labels = a.secretSelector().matchLabels();
      for (io.fabric8.kubernetes.api.model.Secret s : cluster.secretsIn(namespace)) {
        Map<String, String> have =
            Objects.requireNonNullElse(s.getMetadata().getLabels(), Map.<String, String>of());
        if (have.entrySet().containsAll(labels.entrySet())) {
          data(s).forEach((entry, value) -> keys.add(key("secretSelector", entry, value)));
        }
      }
      if (keys.isEmpty()) {
        throw new FieldError("secretSelector", "no Secret with keys matches " + labels);
      }
    } else {
      throw new FieldError("configMapSelector", "not supported yet");
    }
    ApiKeyAuthPolicy.Mode mode =
        switch (Objects.requireNonNullElse(a.mode(), AuthenticationMode.STRICT)) {
          case STRICT -> ApiKeyAuthPolicy.Mode.STRICT;
          case OPTIONAL -> ApiKeyAuthPolicy.Mode.OPTIONAL;
          case PERMISSIVE -> ApiKeyAuthPolicy.Mode.PERMISSIVE;
        };
    return new ApiKeyAuthPolicy(mode, keys, location(a.location(), CredentialLocation.BEARER));
  }

  /** A value is the key itself, or a JSON object with key or keyHash and optional metadata. */
  private ApiKeyAuthPolicy.Key key(String field, String entry, String value) {
    String trimmed = value.strip();
    if (!trimmed.startsWith("{")) {
      if (trimmed.isEmpty()) {
        throw new FieldError(field, "entry " + entry + " is empty");
      }
      return new ApiKeyAuthPolicy.Key(new Secret(trimmed), null, null);
    }
    JsonNode node;
    try {
      node = json.readTree(trimmed);
    } catch (IOException e) {
      throw new FieldError(field, "entry " + entry + " is not a valid JSON object");
    }
    String metadata = node.has("metadata") ? node.get("metadata").toString() : null;
    String hash = node.path("keyHash").asText(null);
    if (hash != null) {
      if (!hash.startsWith("sha256:")) {
        throw new FieldError(field, "entry " + entry + ": keyHash must be sha256:<hex>");
      }
      hash = hash.substring("sha256:".length());
    }
    String key = node.path("key").asText(null);
    try {
      return new ApiKeyAuthPolicy.Key(key == null ? null : new Secret(key), hash, metadata);
    } catch (IllegalArgumentException e) {
      throw new FieldError(field, "entry " + entry + ": " + e.getMessage());
    }
  }

  /** {@code backend.tls}: CA and client certificates read from ConfigMaps and Secrets. */
  BackendTlsPolicy backendTls(BackendTls t) {
    if (t.certificateSource() == CertificateSource.SPIFFE) {
      throw new FieldError("certificateSource", "SPIFFE is not supported yet");
    }
    String root = null;
    List<CaCertificateRef> cas = Objects.requireNonNullElse(t.caCertificateRefs(), List.of());
    if (!cas.isEmpty()) {
      CaCertificateRef ca = cas.get(0);
      Map<String, String> data =
          ca.kind() == CaCertificateRef.Kind.SECRET
              ? secretData("caCertificateRefs[0]", ca.name())
              : configMapData("caCertificateRefs[0]", ca.name());
      root = data.get("ca.crt");
      if (root == null) {
        throw new FieldError("caCertificateRefs[0]", ca.name() + " has no key ca.crt");
      }
    }
    String cert = null;
    Secret key = null;
    List<SecretRef> mtls = Objects.requireNonNullElse(t.mtlsCertificateRef(), List.of());
    if (!mtls.isEmpty()) {
      SecretRef ref = mtls.get(0);
      requireSecretKind("mtlsCertificateRef[0]", ref.group(), ref.kind());
      Map<String, String> data = secretData("mtlsCertificateRef[0]", ref.name());
      cert = data.get("tls.crt");
      String pem = data.get("tls.key");
      if (cert == null || pem == null) {
        throw new FieldError(
            "mtlsCertificateRef[0]", secretName(ref.name()) + " needs keys tls.crt and tls.key");
      }
      key = new Secret(pem);
      if (root == null) {
        root = data.get("ca.cert");
      }
    }
    return new BackendTlsPolicy(
        cert,
        key,
        root,
        t.sni(),
        t.insecureSkipVerify() == InsecureSkipVerify.ALL,
        t.insecureSkipVerify() == InsecureSkipVerify.HOSTNAME,
        t.alpnProtocols(),
        t.verifySubjectAltNames());
  }

  /**
   * {@code backend.auth}: a key inline or from a Secret (data key {@code Authorization} by default,
   * its {@code Bearer } prefix dropped), or passthrough; sent as {@code Authorization: Bearer}.
   */
  BackendAuth backendAuth(dev.agentgateway.crds.common.BackendAuth a) {
    if (a.passthrough() != null) {
      return new BackendAuth.Passthrough();
    }
    if (a.key() != null) {
      if (a.key().isBlank()) {
        throw new FieldError("key", "must not be blank");
      }
      return new BackendAuth.Key(new Secret(a.key()));
    }
    if (a.secretRef() == null) {
      // Another kind (aws, gcp, ...): SpecWalk refuses it by name.
      return null;
    }
    AuthSecretRef ref = a.secretRef();
    requireSecretKind("secretRef", ref.group(), ref.kind());
    String key = Objects.requireNonNullElse(ref.key(), AUTHORIZATION_KEY);
    String value = secretData("secretRef", ref.name()).get(key);
    if (value == null) {
      throw new FieldError("secretRef", secretName(ref.name()) + " has no key " + key);
    }
    value = value.strip();
    if (ref.key() == null && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      value = value.substring(BEARER.length()).strip();
    }
    if (value.isEmpty()) {
      throw new FieldError("secretRef", secretName(ref.name()) + " key " + key + " is empty");
    }
    return new BackendAuth.Key(new Secret(value));
  }

  private static void requireSecretKind(String field, String group, String kind) {
    if ((group != null && !group.isEmpty()) || (kind != null && !kind.equals("Secret"))) {
      throw new FieldError(field, "only a Secret is supported");
    }
  }

  private String secretName(String name) {
    return "Secret " + namespace + "/" + name;
  }

  /** The decoded data of a Secret of the policy's namespace; missing is an error. */
  private Map<String, String> secretData(String field, String name) {
    io.fabric8.kubernetes.api.model.Secret s = cluster.secrets.get(new ObjectKey(namespace, name));
    if (s == null) {
      throw new FieldError(field, secretName(name) + " not found");
    }
    return data(s);
  }

  private Map<String, String> configMapData(String field, String name) {
    ConfigMap c = cluster.configMaps.get(new ObjectKey(namespace, name));
    if (c == null) {
      throw new FieldError(field, "ConfigMap " + namespace + "/" + name + " not found");
    }
    return Objects.requireNonNullElse(c.getData(), Map.of());
  }

  /** {@code data} decoded, then {@code stringData} (as the API server merges them), by key. */
  private static Map<String, String> data(io.fabric8.kubernetes.api.model.Secret s) {
    Map<String, String> out = new TreeMap<>();
    Objects.requireNonNullElse(s.getData(), Map.<String, String>of())
        .forEach(
            (k, v) ->
                out.put(k, new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8)));
    out.putAll(Objects.requireNonNullElse(s.getStringData(), Map.of()));
    return out;
  }
}

package dev.agentgateway.proxy.xds;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.agentgateway.model.xds.envoy.Node;
import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Where the controller is and who this proxy is, from the pod environment.
 *
 * @param host the controller's host
 * @param port the controller's port
 * @param node the identity sent on every stream; its metadata {@code role} names the Gateway
 * @param channelCredentials plaintext or TLS to the controller
 * @param callCredentials what authenticates each stream (the bearer token), or null for none
 */
public record XdsSettings(
    String host,
    int port,
    Node node,
    ChannelCredentials channelCredentials,
    CallCredentials callCredentials) {
  /** The controller's conventional xDS port, used when the address has none. */
  public static final int DEFAULT_PORT = 9978;

  /** Where the Gateway's Deployment mounts the projected ServiceAccount token for xDS. */
  public static final Path DEFAULT_TOKEN_PATH = Path.of("/var/run/secrets/xds-tokens/xds-token");

  private static final Logger LOG = Logger.getLogger(XdsSettings.class.getName());

  public XdsSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(channelCredentials, "channelCredentials");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("xDS port out of range: " + port);
    }
  }

  /**
   * Reads {@code XDS_ADDRESS} ({@code http://host:port}, or {@code https://host:port} with {@code
   * XDS_ROOT_CA}), {@code NAMESPACE} and {@code GATEWAY} (required), {@code POD_NAME}, {@code
   * POD_NAMESPACE}, {@code INSTANCE_IP}, and for authentication {@code XDS_AUTH_TOKEN} (token file)
   * and {@code CLUSTER_ID}.
   *
   * @throws IllegalArgumentException with a one-line reason when something is missing or invalid
   */
  public static XdsSettings fromEnv(Map<String, String> env) {
    String address = required(env, "XDS_ADDRESS");
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("XDS_ADDRESS " + address + ": not a URI");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "XDS_ADDRESS " + address + ": expected http://host:port or https://host:port");
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return new XdsSettings(
        uri.getHost(),
        port,
        node(env),
        channelCredentials(uri, env),
        callCredentials(env, DEFAULT_TOKEN_PATH));
  }

  /**
   * The bearer token from {@code XDS_AUTH_TOKEN}, else from {@code defaultPath}; null (no token,
   * for a controller with authentication off) when the variable is unset and the default file does
   * not exist. A file named by the variable must exist when a stream opens, not now: the kubelet
   * may still be writing it.
   */
  static CallCredentials callCredentials(Map<String, String> env, Path defaultPath) {
    String configured = env.get("XDS_AUTH_TOKEN");
    boolean unset = configured == null || configured.isBlank();
    Path path = unset ? defaultPath : Path.of(configured.strip());
    if (unset && !Files.exists(path)) {
      LOG.info(
          "xDS: no token file at "
              + path
              + " and XDS_AUTH_TOKEN is not set; connecting without authentication");
      return null;
    }
    String clusterId = env.get("CLUSTER_ID");
    return new TokenFileCredentials(
        path, clusterId == null || clusterId.isBlank() ? "Kubernetes" : clusterId.strip());
  }

  /**
   * Plaintext for {@code http://}; for {@code https://}, TLS trusting only the CA certificates in
   * the PEM file {@code XDS_ROOT_CA} (the controller's CA, mounted from its ConfigMap).
   */
  private static ChannelCredentials channelCredentials(URI uri, Map<String, String> env) {
    if ("http".equals(uri.getScheme())) {
      return InsecureChannelCredentials.create();
    }
    String path = env.get("XDS_ROOT_CA");
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          "XDS_ROOT_CA must name the controller's CA certificate file for an https:// XDS_ADDRESS");
    }
    File file = new File(path);
    // Checked here so a bad mount fails at startup with the path, not later as a handshake error.
    try (InputStream in = new FileInputStream(file)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new IllegalArgumentException("XDS_ROOT_CA " + path + ": no PEM certificate found");
      }
      return TlsChannelCredentials.newBuilder().trustManager(file).build();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "XDS_ROOT_CA " + path + ": cannot read: " + e.getMessage());
    } catch (CertificateException e) {
      throw new IllegalArgumentException("XDS_ROOT_CA " + path + ": not a PEM certificate");
    }
  }

  /**
   * The node: id {@code agentgateway~<ip>~<pod>.<podns>~<podns>.svc.cluster.local} and string
   * metadata NAME, NAMESPACE, INSTANCE_IPS, GATEWAY_NAME and {@code role = <namespace>~<gateway>}.
   */
  static Node node(Map<String, String> env) {
    String namespace = required(env, "NAMESPACE");
    String gateway = required(env, "GATEWAY");
    String podNamespace = env.getOrDefault("POD_NAMESPACE", namespace);
    String podName = env.getOrDefault("POD_NAME", gateway);
    String ip = env.getOrDefault("INSTANCE_IP", "");
    String id =
        "agentgateway~%s~%s.%s~%s.svc.cluster.local"
            .formatted(ip, podName, podNamespace, podNamespace);
    Struct metadata =
        Struct.newBuilder()
            .putFields("NAME", string(podName))
            .putFields("NAMESPACE", string(podNamespace))
            .putFields("INSTANCE_IPS", string(ip))
            .putFields("GATEWAY_NAME", string(gateway))
            .putFields("role", string(namespace + "~" + gateway))
            .build();
    return Node.newBuilder().setId(id).setMetadata(metadata).build();
  }

  private static Value string(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set for xDS");
    }
    return value;
  }
}

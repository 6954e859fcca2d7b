package dev.agentgateway.control.xds.tls;

import static dev.agentgateway.control.xds.tls.TestSecrets.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.ServerSecurity;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.control.xds.server.XdsServer;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real xDS server on loopback serving TLS from the certificate Secret. */
@EnableKubernetesMockClient(crud = true)
class XdsTlsIT {
  private static final GatewayKey GW = new GatewayKey("ns", "gw");
  private static final long WAIT_SECONDS = 10;

  static KubernetesClient client;

  private XdsTls tls;
  private XdsPublisher publisher;
  private XdsServer server;
  private ManagedChannel channel;

  @BeforeEach
  void start() {
    client.secrets().inNamespace(NAMESPACE).withName(XdsTlsSettings.SECRET_NAME).delete();
    tls =
        XdsTls.fromEnv(
            Map.of(
                "AGW_XDS_MODE", "tls",
                "POD_NAMESPACE", NAMESPACE,
                "AGW_ADDITIONAL_XDS_TLS_HOSTS", "localhost"),
            client);
    publisher = new XdsPublisher(Duration.ZERO);
    server =
        XdsServer.start(
            XdsServer.Options.onPort(0),
            new ServerSecurity(tls.credentials(), List.of()),
            publisher,
            (gateway, message) -> {});
    publisher.publish(GW, List.of(new Bind("b1", 3000)));
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    server.stop();
    publisher.close();
    tls.close();
  }

  private byte[] storedCaPem() {
    var data =
        client
            .secrets()
            .inNamespace(NAMESPACE)
            .withName(XdsTlsSettings.SECRET_NAME)
            .get()
            .getData();
    return java.util.Base64.getDecoder().decode(data.get("ca.crt"));
  }

  /** Opens a stream as GW over TLS trusting {@code caPem}; the first response or the failure. */
  private CompletableFuture<Object> subscribe(byte[] caPem) throws IOException {
    ChannelCredentials credentials =
        TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(caPem)).build();
    channel = Grpc.newChannelBuilderForAddress("localhost", server.port(), credentials).build();
    CompletableFuture<Object> first = new CompletableFuture<>();
    StreamObserver<DeltaDiscoveryRequest> requests =
        AggregatedDiscoveryServiceGrpc.newStub(channel)
            .deltaAggregatedResources(
                new StreamObserver<>() {
                  @Override
                  public void onNext(DeltaDiscoveryResponse value) {
                    first.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    first.complete(Status.fromThrowable(t));
                  }

                  @Override
                  public void onCompleted() {
                    first.complete(Status.OK);
                  }
                });
    requests.onNext(
        DeltaDiscoveryRequest.newBuilder()
            .setNode(
                Node.newBuilder()
                    .setId("proxy")
                    .setMetadata(
                        Struct.newBuilder()
                            .putFields("role", Value.newBuilder().setStringValue("ns~gw").build())))
            .setTypeUrl(XdsResources.TYPE_URL)
            .build());
    return first;
  }

  private static boolean causedBySsl(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException) {
        return true;
      }
    }
    return false;
  }

  @Test
  void handshakeSucceedsWithTheCaFromTheSecret() throws Exception {
    Object first = subscribe(storedCaPem()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    DeltaDiscoveryResponse response = (DeltaDiscoveryResponse) first;
    assertEquals(
        List.of("bind/b1"), response.getResourcesList().stream().map(r -> r.getName()).toList());
  }

  @Test
  void handshakeFailsWithAnotherCa() throws Exception {
    CertificateAuthority other =
        CertificateAuthority.generate(Instant.now(), CertificateAuthority.CA_LIFETIME);
    Object first =
        subscribe(Pem.encode(List.of(other.certificate()))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    Status status = (Status) first;
    assertEquals(Status.Code.UNAVAILABLE, status.getCode(), status.toString());
    assertTrue(causedBySsl(status.getCause()), "an SSL failure: " + status);
    assertEquals(0, server.metrics().connectedProxies());
  }

  @Test
  void servesTls12WithACertificateForTheServiceNames() throws Exception {
    X509Certificate ca = Pem.certificates(storedCaPem(), "ca.crt").getFirst();
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null, new TrustManager[] {CertificateAuthorityTest.trusting(ca)}, new SecureRandom());
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
      SSLParameters params = socket.getSSLParameters();
      params.setProtocols(new String[] {"TLSv1.2"});
      params.setApplicationProtocols(new String[] {"h2"});
      params.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(params);
      socket.startHandshake();
      assertEquals("TLSv1.2", socket.getSession().getProtocol());
      assertEquals("h2", socket.getApplicationProtocol());
      X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      assertEquals("CN=agw-xds-server", leaf.getSubjectX500Principal().getName());
      List<String> names =
          leaf.getSubjectAlternativeNames().stream().map(san -> (String) san.get(1)).toList();
      assertEquals(
          List.of(
              "agentgateway.agw-system.svc",
              "agentgateway.agw-system.svc.cluster.local",
              "localhost"),
          names);
    }
  }

  @Test
  void plaintextModeNeedsNoSecret() {
    client.secrets().inNamespace("plain").withName(XdsTlsSettings.SECRET_NAME).delete();
    try (XdsTls plain = XdsTls.fromEnv(Map.of("POD_NAMESPACE", "plain"), client)) {
      assertFalse(plain.tls());
      assertNull(client.secrets().inNamespace("plain").withName(XdsTlsSettings.SECRET_NAME).get());
    }
  }
}

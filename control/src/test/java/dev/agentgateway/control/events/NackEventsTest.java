package dev.agentgateway.control.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class NackEventsTest {
  private static final String COMPONENT = "agentgateway.dev/agentgateway";

  KubernetesClient client;
  private EventRecorder recorder;
  private NackEvents nacks;

  @BeforeEach
  void setUp() {
    recorder = new EventRecorder(client, COMPONENT);
    nacks = new NackEvents(client, recorder);
  }

  @AfterEach
  void tearDown() {
    recorder.close();
  }

  private Gateway createGateway(String namespace, String name) {
    return client
        .resource(
            new GatewayBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withGatewayClassName("agentgateway")
                .endSpec()
                .build())
        .create();
  }

  private List<Event> events(String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems();
  }

  @Test
  void nackBecomesAWarningEventOnTheGateway() throws Exception {
    Gateway gateway = createGateway("apps", "gw");

    nacks.onNack(new GatewayKey("apps", "gw"), "[{\"key\":\"route/r1\",\"error\":\"bad regex\"}]");

    assertTrue(eventually(() -> events("apps").size() == 1), "one Event recorded");
    Event event = events("apps").get(0);
    assertEquals("Warning", event.getType());
    assertEquals(NackEvents.REASON, event.getReason());
    assertEquals("AgentGatewayNackError", event.getReason());
    assertTrue(event.getMessage().contains("route/r1"), event.getMessage());
    assertTrue(event.getMessage().contains("bad regex"), event.getMessage());
    assertEquals("Gateway", event.getInvolvedObject().getKind());
    assertEquals("gateway.networking.k8s.io/v1", event.getInvolvedObject().getApiVersion());
    assertEquals("gw", event.getInvolvedObject().getName());
    assertEquals("apps", event.getInvolvedObject().getNamespace());
    assertEquals(gateway.getMetadata().getUid(), event.getInvolvedObject().getUid());
    assertEquals(COMPONENT, event.getSource().getComponent());
    assertEquals(1, event.getCount());
  }

  @Test
  void repeatedNacksFoldIntoOneEventWithACount() throws Exception {
    createGateway("apps", "gw");
    GatewayKey key = new GatewayKey("apps", "gw");

    for (int i = 0; i < 3; i++) {
      nacks.onNack(key, "same error");
    }
    nacks.onNack(key, "another error");

    assertTrue(
        eventually(
            () ->
                events("apps").size() == 2
                    && events("apps").stream().mapToInt(Event::getCount).sum() == 4),
        () -> "events: " + events("apps"));
    Event same =
        events("apps").stream().filter(e -> e.getMessage().contains("same")).findFirst().get();
    assertEquals(3, same.getCount());
  }

  @Test
  void aNackForAGatewayNotFoundStillNamesIt() throws Exception {
    nacks.onNack(new GatewayKey("apps", "gone"), "late NACK");

    assertTrue(eventually(() -> events("apps").size() == 1));
    Event event = events("apps").get(0);
    assertEquals("gone", event.getInvolvedObject().getName());
    assertNull(event.getInvolvedObject().getUid());
  }

  @Test
  void longMessagesAreCutToTheApiServersLimit() {
    String message = "x".repeat(5000);
    String cut = EventRecorder.truncate(message);
    assertEquals(EventRecorder.MAX_MESSAGE_CHARS, cut.length());
    assertTrue(cut.endsWith("..."));
    assertEquals("short", EventRecorder.truncate("short"));
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}

package dev.agentgateway.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict reading the chart tests rely on really fails on what the model does not know. */
class StrictModelTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        selector: {matchLabels: {a: b}}
        template:
          metadata: {labels: {a: b}}
          spec:
            containers:
              - name: c
                image: i
                %s
      """;

  @Test
  void readsAKnownObject() {
    Deployment d =
        (Deployment) StrictModel.parse(Charts.documents(DEPLOYMENT.formatted("")).getFirst());
    assertEquals("i", d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage());
  }

  @Test
  void rejectsAMisspeltNestedField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StrictModel.parse(
                    Charts.documents(DEPLOYMENT.formatted("imagePullPolicyy: Always")).getFirst()));
    assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
  }

  @Test
  void rejectsAKindWithoutAModel() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StrictModel.parse(
                    Charts.documents(
                            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}")
                        .getFirst()));
    assertTrue(e.getMessage().contains("no model class"), e.getMessage());
  }
}

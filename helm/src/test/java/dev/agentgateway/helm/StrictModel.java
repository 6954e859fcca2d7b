package dev.agentgateway.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * Reads rendered objects into the fabric8 model and fails on any field the model does not know.
 * fabric8's classes keep unknown fields in an "additional properties" map instead of failing, so
 * that catch-all is switched off here: a misspelt or misplaced key in a template is an error, as
 * {@code kubectl apply} with strict field validation would report it.
 */
final class StrictModel {
  private static final KubernetesSerialization TYPES = new KubernetesSerialization();
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .setAnnotationIntrospector(
              new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                  return Boolean.FALSE;
                }
              })
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private StrictModel() {}

  /**
   * The typed object for {@code doc}.
   *
   * @throws IllegalArgumentException when the kind has no fabric8 model class or a field is unknown
   */
  static HasMetadata parse(Map<String, Object> doc) {
    String json = TYPES.asJson(doc);
    KubernetesResource loose = TYPES.unmarshal(json, KubernetesResource.class);
    if (!(loose instanceof HasMetadata) || loose instanceof GenericKubernetesResource) {
      throw new IllegalArgumentException(
          "no model class for " + doc.get("apiVersion") + " " + doc.get("kind"));
    }
    try {
      return STRICT.readValue(json, loose.getClass().asSubclass(HasMetadata.class));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          doc.get("kind") + " " + name(doc) + ": " + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String name(Map<String, Object> doc) {
    Object meta = doc.get("metadata");
    return meta instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("name")) : "";
  }
}

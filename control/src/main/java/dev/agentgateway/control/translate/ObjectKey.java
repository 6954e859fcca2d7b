package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** A namespaced object's identity, printed {@code namespace/name}. */
public record ObjectKey(String namespace, String name) implements Comparable<ObjectKey> {

  /** The key of {@code object}. */
  public static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  @Override
  public int compareTo(ObjectKey other) {
    int c = namespace.compareTo(other.namespace);
    return c != 0 ? c : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}

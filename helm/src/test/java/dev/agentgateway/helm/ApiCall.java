package dev.agentgateway.helm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One Kubernetes API request in the terms RBAC authorizes: verb, API group, resource (with its
 * subresource), namespace (null when cluster-wide) and object name (null when none), derived from
 * the HTTP method and path as the API server's request-info resolver does.
 */
record ApiCall(String verb, String group, String resource, String namespace, String name) {

  /** A call to a non-resource URL such as {@code /version}: RBAC knows it by path only. */
  static ApiCall nonResource(String verb, String path) {
    return new ApiCall(verb, null, path, null, null);
  }

  boolean isNonResource() {
    return group == null;
  }

  /** This call with another verb. */
  ApiCall withVerb(String other) {
    return new ApiCall(other, group, resource, namespace, name);
  }

  /** The call for {@code method} on {@code pathAndQuery}. */
  static ApiCall of(String method, String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group;
    int at;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      group = "";
      at = 2;
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      at = 3;
    } else {
      return nonResource(method.toLowerCase(java.util.Locale.ROOT), path);
    }
    List<String> rest = parts.subList(at, parts.size());
    if (rest.isEmpty()) {
      return nonResource("get", path); // discovery
    }
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    if (rest.size() > 2) {
      resource = resource + "/" + rest.get(2);
    }
    boolean watch =
        param(query, "watch").filter(v -> v.equals("true") || v.equals("1")).isPresent();
    if (name == null) {
      // A list or watch narrowed to one name is authorized as that name.
      name =
          param(query, "fieldSelector")
              .filter(f -> f.startsWith("metadata.name="))
              .map(f -> f.substring("metadata.name=".length()))
              .orElse(null);
      boolean collection = rest.size() == 1;
      String verb =
          switch (method) {
            case "GET" -> watch ? "watch" : "list";
            case "POST" -> "create";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
          };
      return new ApiCall(verb, group, resource, namespace, name);
    }
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : "get";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> "delete";
          case "POST" -> "create";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return new ApiCall(verb, group, resource, namespace, name);
  }

  private static java.util.Optional<String> param(String query, String key) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return java.util.Optional.of(
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    if (isNonResource()) {
      return verb + " " + resource;
    }
    return verb
        + " "
        + (group.isEmpty() ? "core" : group)
        + "/"
        + resource
        + (namespace == null ? "" : " in " + namespace)
        + (name == null ? "" : " named " + name);
  }
}

package dev.agentgateway.proxy.llm.provider;

import java.util.List;
import java.util.Map;

/**
 * What auth injection does to one upstream request. Values may be credentials: never log them.
 *
 * @param remove client header names (lower case) to drop before sending
 * @param set headers to set, replacing any the client sent
 * @param setIfAbsent headers to set only when the client did not send them
 * @param query query parameters ({@code name} to raw value) to add
 * @param sigV4 whether the request must still be signed with {@link SigV4Signer} once its final
 *     headers and body are known
 */
public record UpstreamAuth(
    List<String> remove,
    Map<String, String> set,
    Map<String, String> setIfAbsent,
    Map<String, String> query,
    boolean sigV4) {
  public UpstreamAuth {
    remove = List.copyOf(remove);
    set = Map.copyOf(set);
    setIfAbsent = Map.copyOf(setIfAbsent);
    query = Map.copyOf(query);
  }

  @Override
  public String toString() {
    return "UpstreamAuth[remove="
        + remove
        + ", set="
        + set.keySet()
        + ", setIfAbsent="
        + setIfAbsent
        + ", query="
        + query.keySet()
        + ", sigV4="
        + sigV4
        + "]";
  }
}

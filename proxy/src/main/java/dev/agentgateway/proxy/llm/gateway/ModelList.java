package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The models an AI backend serves, as OpenAI's model list: every exact model name a provider is
 * configured for (glob patterns cannot be listed), else the model a provider sends upstream.
 */
final class ModelList {
  private ModelList() {}

  static ObjectNode of(Backend.Ai backend) {
    ObjectNode out = Answers.JSON.createObjectNode().put("object", "list");
    ArrayNode data = out.putArray("data");
    Set<String> seen = new LinkedHashSet<>();
    for (List<AiProvider> group : backend.groups()) {
      for (AiProvider p : group) {
        String pattern = p.modelPattern();
        String id = pattern == null ? p.spec().model() : pattern.indexOf('*') < 0 ? pattern : null;
        if (id != null && seen.add(id)) {
          data.addObject()
              .put("id", id)
              .put("object", "model")
              .put("created", 0)
              .put("owned_by", ProviderNames.system(p));
        }
      }
    }
    return out;
  }
}

package dev.agentgateway.control.translate;

import dev.agentgateway.control.translate.AgentgatewayBackends.Refusal;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AiBackend;
import dev.agentgateway.crds.backend.AiProvider;
import dev.agentgateway.crds.backend.NamedProvider;
import dev.agentgateway.crds.backend.ProviderGroup;
import dev.agentgateway.crds.backend.ResourceType;
import dev.agentgateway.model.ir.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ai} section of an AgentgatewayBackend as an IR {@link Backend.Ai}: one provider, or
 * priority groups of named providers.
 */
final class AiBackends {
  private AiBackends() {}

  /** The IR backend, or throws the refusal its status reports. */
  static Backend.Ai translate(AgentgatewayBackend backend, AiBackend ai) {
    List<List<dev.agentgateway.model.ir.AiProvider>> groups = new ArrayList<>();
    if (ai.provider() != null) {
      groups.add(List.of(provider(named(backend.getMetadata().getName(), ai.provider()))));
    } else if (ai.groups() != null) {
      for (ProviderGroup g : ai.groups()) {
        groups.add(g.providers().stream().map(AiBackends::provider).toList());
      }
    }
    if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
      throw new Refusal("Invalid", "exactly one of provider or groups must be set, with providers");
    }
    try {
      return new Backend.Ai(AgentgatewayBackends.name(backend), groups);
    } catch (IllegalArgumentException e) {
      throw new Refusal("Invalid", e.getMessage());
    }
  }

  /** The single {@code provider} form, named after the backend. */
  private static NamedProvider named(String name, AiProvider p) {
    return new NamedProvider(
        p.anthropic(),
        p.azure(),
        p.bedrock(),
        p.custom(),
        p.gemini(),
        p.host(),
        name,
        p.openai(),
        p.path(),
        p.pathPrefix(),
        null,
        p.port(),
        p.vertexai());
  }

  private static dev.agentgateway.model.ir.AiProvider provider(NamedProvider p) {
    String at = "provider " + p.name();
    if (p.policies() != null) {
      throw new Refusal("UnsupportedValue", at + ": provider policies are not supported yet");
    }
    if (p.custom() != null) {
      throw new Refusal("UnsupportedValue", at + ": custom providers are not supported yet");
    }
    dev.agentgateway.model.ir.AiProvider.Spec spec;
    if (p.openai() != null) {
      spec = new dev.agentgateway.model.ir.AiProvider.OpenAi(p.openai().model());
    } else if (p.anthropic() != null) {
      spec = new dev.agentgateway.model.ir.AiProvider.Anthropic(p.anthropic().model());
    } else if (p.gemini() != null) {
      spec = new dev.agentgateway.model.ir.AiProvider.Gemini(p.gemini().model());
    } else if (p.vertexai() != null) {
      spec =
          new dev.agentgateway.model.ir.AiProvider.Vertex(
              p.vertexai().model(),
              required(p.vertexai().projectId(), at + ": vertexai.projectId"),
              p.vertexai().region() == null ? "global" : p.vertexai().region());
    } else if (p.bedrock() != null) {
      spec =
          new dev.agentgateway.model.ir.AiProvider.Bedrock(
              p.bedrock().model(),
              p.bedrock().region() == null ? "us-east-1" : p.bedrock().region());
    } else if (p.azure() != null) {
      var a = p.azure();
      spec =
          new dev.agentgateway.model.ir.AiProvider.Azure(
              a.model(),
              required(a.resourceName(), at + ": azure.resourceName"),
              a.resourceType() == ResourceType.FOUNDRY
                  ? dev.agentgateway.model.ir.AiProvider.AzureResourceType.FOUNDRY
                  : dev.agentgateway.model.ir.AiProvider.AzureResourceType.OPENAI,
              a.apiVersion(),
              a.projectName());
    } else {
      throw new Refusal(
          "Invalid",
          at
              + ": exactly one of openai, azure, anthropic, gemini, vertexai or bedrock must be set");
    }
    if ((p.host() == null) != (p.port() == null)) {
      throw new Refusal("Invalid", at + ": host and port must be set together");
    }
    Backend host = p.host() == null ? null : new Backend.Host(p.host(), p.port());
    try {
      return new dev.agentgateway.model.ir.AiProvider(
          p.name(), spec, host, p.path(), p.pathPrefix());
    } catch (IllegalArgumentException e) {
      throw new Refusal("Invalid", at + ": " + e.getMessage());
    }
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new Refusal("Invalid", what + " is required");
    }
    return value;
  }
}

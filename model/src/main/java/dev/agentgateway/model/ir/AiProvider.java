package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * One LLM provider of a {@link Backend.Ai}.
 *
 * @param name unique within the backend; names the provider in logs and metrics
 * @param spec which provider, and its settings
 * @param hostOverride where to send instead of the provider's default host, or null
 * @param pathOverride the full request path to use instead of the provider's, or null
 * @param pathPrefix a base path replacing the provider's default one, or null
 */
public record AiProvider(
    String name, Spec spec, Backend hostOverride, String pathOverride, String pathPrefix) {

  public AiProvider {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("ai provider name is blank");
    }
    Objects.requireNonNull(spec, "spec");
    if (hostOverride != null) {
      Backend.requirePlain(hostOverride, "ai provider hostOverride");
    }
    if (pathOverride != null && pathPrefix != null) {
      throw new IllegalArgumentException("pathOverride and pathPrefix are mutually exclusive");
    }
  }

  /** A provider and its settings; {@code model}, when set, replaces the client's model. */
  public sealed interface Spec {
    /** The model sent upstream, or null to keep the client's. */
    String model();
  }

  /** OpenAI ({@code api.openai.com}). */
  public record OpenAi(String model) implements Spec {}

  /** Anthropic's Messages API ({@code api.anthropic.com}). */
  public record Anthropic(String model) implements Spec {}

  /** Google Gemini's native API ({@code generativelanguage.googleapis.com}). */
  public record Gemini(String model) implements Spec {}

  /**
   * Google Vertex AI.
   *
   * @param projectId the Google Cloud project
   * @param region a region, {@code global}, or a multi-region such as {@code us}
   */
  public record Vertex(String model, String projectId, String region) implements Spec {
    public Vertex {
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(region, "region");
    }
  }

  /**
   * AWS Bedrock's Converse API, signed with SigV4.
   *
   * @param region the AWS region
   */
  public record Bedrock(String model, String region) implements Spec {
    public Bedrock {
      Objects.requireNonNull(region, "region");
    }
  }

  /**
   * Azure OpenAI or Azure AI Foundry.
   *
   * @param resourceName the Azure resource, which names the host
   * @param resourceType which Azure endpoint family
   * @param apiVersion the {@code api-version} query parameter, or null for the default
   * @param projectName the Foundry project; required for {@link AzureResourceType#FOUNDRY}
   */
  public record Azure(
      String model,
      String resourceName,
      AzureResourceType resourceType,
      String apiVersion,
      String projectName)
      implements Spec {
    public Azure {
      Objects.requireNonNull(resourceName, "resourceName");
      Objects.requireNonNull(resourceType, "resourceType");
      if (resourceType == AzureResourceType.FOUNDRY && projectName == null) {
        throw new IllegalArgumentException("azure Foundry needs a projectName");
      }
    }
  }

  /** Azure endpoint families. */
  public enum AzureResourceType {
    /** {@code <resource>.openai.azure.com}. */
    OPENAI,
    /** {@code <resource>.services.ai.azure.com/api/projects/<project>}. */
    FOUNDRY
  }
}

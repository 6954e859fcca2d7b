package dev.agentgateway.model.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One LLM provider of a {@link Backend.Ai}.
 *
 * @param name unique within the backend; names the provider in logs and metrics
 * @param spec which provider, and its settings
 * @param hostOverride where to send instead of the provider's default host, or null; required for
 *     {@link Custom} providers
 * @param pathOverride the full request path to use instead of the provider's, or null
 * @param pathPrefix a base path replacing the provider's default one, or null
 * @param hostOverrideTls whether {@code hostOverride} is reached over TLS (upstream's {@code
 *     baseUrl: https://...}); default hosts always are
 * @param auth how to authenticate to the provider, or null to send no credential
 * @param modelPattern the client model names this provider serves ({@code llm.models[].name}: an
 *     exact name, or a glob with {@code *}), or null for any model
 * @param transformations request body fields set from CEL expressions (field name to expression),
 *     in file order; empty when none
 */
public record AiProvider(
    String name,
    Spec spec,
    Backend hostOverride,
    String pathOverride,
    String pathPrefix,
    boolean hostOverrideTls,
    BackendAuth auth,
    String modelPattern,
    Map<String, String> transformations) {

  public AiProvider {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("ai provider name is blank");
    }
    Objects.requireNonNull(spec, "spec");
    if (hostOverride != null) {
      Backend.requirePlain(hostOverride, "ai provider hostOverride");
    } else if (hostOverrideTls) {
      throw new IllegalArgumentException("hostOverrideTls needs a hostOverride");
    }
    if (spec instanceof Custom && hostOverride == null) {
      throw new IllegalArgumentException("a custom provider needs a hostOverride");
    }
    if (pathOverride != null && pathPrefix != null) {
      throw new IllegalArgumentException("pathOverride and pathPrefix are mutually exclusive");
    }
    requirePath(pathOverride, "pathOverride");
    requirePath(pathPrefix, "pathPrefix");
    if (modelPattern != null && modelPattern.isBlank()) {
      throw new IllegalArgumentException("modelPattern is blank");
    }
    transformations =
        transformations == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(transformations));
    transformations.forEach(
        (field, expression) -> {
          if (field.isBlank() || expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("transformation " + field + " is blank");
          }
        });
  }

  /** A provider at its default place, with no credential, serving any model. */
  public AiProvider(
      String name, Spec spec, Backend hostOverride, String pathOverride, String pathPrefix) {
    this(name, spec, hostOverride, pathOverride, pathPrefix, false, null, null, Map.of());
  }

  private static void requirePath(String path, String what) {
    if (path != null && !path.startsWith("/")) {
      throw new IllegalArgumentException(what + " must start with '/', got " + path);
    }
  }

  /** Whether {@code model} (the client's) is one this provider serves. */
  public boolean serves(String model) {
    if (modelPattern == null) {
      return true;
    }
    if (model == null) {
      return false;
    }
    return globMatches(modelPattern, model);
  }

  private static boolean globMatches(String glob, String text) {
    int star = glob.indexOf('*');
    if (star < 0) {
      return glob.equals(text);
    }
    String[] parts = glob.split("\\*", -1);
    if (!text.startsWith(parts[0])) {
      return false;
    }
    int at = parts[0].length();
    for (int i = 1; i < parts.length - 1; i++) {
      int found = text.indexOf(parts[i], at);
      if (found < 0) {
        return false;
      }
      at = found + parts[i].length();
    }
    String last = parts[parts.length - 1];
    return text.length() - last.length() >= at && text.endsWith(last);
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

  /** GitHub Copilot ({@code api.githubcopilot.com}), OpenAI-compatible. */
  public record Copilot(String model) implements Spec {}

  /**
   * A provider with no built-in endpoint (upstream's {@code custom}, and the presets such as ollama
   * or groq, which expand to one): it lives at the {@link AiProvider#hostOverride}.
   *
   * @param providerName the provider's name for telemetry and cost lookup ({@code ollama}, ...), or
   *     null for {@code custom}
   * @param formats the API shapes it accepts, each optionally at its own path; at least one
   */
  public record Custom(String model, String providerName, List<FormatPath> formats)
      implements Spec {
    public Custom {
      formats = List.copyOf(formats);
      if (formats.isEmpty()) {
        throw new IllegalArgumentException("a custom provider needs at least one format");
      }
    }

    /** The path for {@code format}, null for the default one, or empty when not accepted. */
    public java.util.Optional<FormatPath> format(ProviderFormat format) {
      return formats.stream().filter(f -> f.format() == format).findFirst();
    }
  }

  /**
   * An API shape a {@link Custom} provider accepts.
   *
   * @param format the shape
   * @param path the full path for it, or null for the conventional one under the path prefix
   */
  public record FormatPath(ProviderFormat format, String path) {
    public FormatPath {
      Objects.requireNonNull(format, "format");
      requirePath(path, "format path");
    }
  }

  /** Upstream's ProviderFormat: the request shapes a provider may accept. */
  public enum ProviderFormat {
    COMPLETIONS,
    MESSAGES,
    RESPONSES,
    EMBEDDINGS,
    ANTHROPIC_TOKEN_COUNT,
    GENERATE_CONTENT,
    GEMINI_COUNT_TOKENS,
    REALTIME,
    RERANK
  }
}

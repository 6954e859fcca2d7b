package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code provider} object of {@link AiBackend}. */
@ValidationRule(
    value = "has(self.host) || has(self.port) ? has(self.host) && has(self.port) : true",
    message = "both host and port must be set together")
@ValidationRule(
    value = "has(self.custom) ? has(self.custom.backendRef) != has(self.host) : true",
    message = "custom providers must specify exactly one of backendRef or host and port")
@ValidationRule(
    value = "!(has(self.path) && has(self.pathPrefix))",
    message = "path and pathPrefix are mutually exclusive")
@ValidationRule(
    value =
        "!(has(self.custom) && self.custom.formats.exists(f, has(f.path)) && (has(self.path) || has(self.pathPrefix)))",
    message = "path, pathPrefix, and custom format paths are mutually exclusive")
@ValidationRule(
    value = "has(self.pathPrefix) ? has(self.host) : true",
    message = "pathPrefix requires host to be set")
@ValidationRule(
    value =
        "[has(self.openai),has(self.azure),has(self.anthropic),has(self.gemini),has(self.vertexai),has(self.bedrock),has(self.custom)].filter(x,x==true).size() == 1",
    message =
        "exactly one of the fields in [openai azure anthropic gemini vertexai bedrock custom] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AiProvider(
    AnthropicProvider anthropic,
    NamedAzureProvider azure,
    BedrockProvider bedrock,
    CustomProvider custom,
    AnthropicProvider gemini,
    @Size(min = 1, max = 256) String host,
    OpenAiProvider openai,
    @Size(min = 1, max = 1024) String path,
    @Size(min = 1, max = 1024) String pathPrefix,
    @Min(1) @Max(65535) Integer port,
    VertexAiProvider vertexai) {}

package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code cors} object of {@link TrafficPolicy}. */
@ValidationRule(
    value =
        "!has(self.allowHeaders) || (!('*' in self.allowHeaders && self.allowHeaders.size() > 1))",
    message = "AllowHeaders cannot contain '*' alongside other methods")
@ValidationRule(
    value =
        "!has(self.allowMethods) || (!('*' in self.allowMethods && self.allowMethods.size() > 1))",
    message = "AllowMethods cannot contain '*' alongside other methods")
@ValidationRule(
    value =
        "!has(self.allowOrigins) || (!('*' in self.allowOrigins && self.allowOrigins.size() > 1))",
    message = "AllowOrigins cannot contain '*' alongside other origins")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cors(
    Boolean allowCredentials,
    @Size(max = 64) List<String> allowHeaders,
    @Size(max = 9) List<HttpMethod> allowMethods,
    @Size(max = 64) List<String> allowOrigins,
    @Size(max = 64) List<String> exposeHeaders,
    @Min(1) @Default("5") Integer maxAge) {}

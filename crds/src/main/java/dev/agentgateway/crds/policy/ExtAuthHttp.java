package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/** The {@code http} object of {@link TrafficExtAuth}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtAuthHttp(
    @Size(max = 64) Map<String, String> addRequestHeaders,
    @Size(max = 64) List<String> allowedRequestHeaders,
    @Size(max = 64) List<String> allowedResponseHeaders,
    @Size(min = 1, max = 16384) String body,
    @Size(min = 1, max = 16384) String path,
    @Size(min = 1, max = 16384) String redirect,
    @Size(max = 64) Map<String, String> responseMetadata) {}

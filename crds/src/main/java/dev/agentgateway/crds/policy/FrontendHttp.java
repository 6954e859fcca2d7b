package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The {@code http} object of {@link Frontend}. */
@ValidationRule(
    value =
        "[has(self.http1HeaderCase),has(self.http1IdleTimeout),has(self.http1MaxHeaders),has(self.http2ConnectionWindowSize),has(self.http2FrameSize),has(self.http2KeepaliveInterval),has(self.http2KeepaliveTimeout),has(self.http2MaxHeaderSize),has(self.http2WindowSize),has(self.maxBufferSize),has(self.maxConnectionDuration)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [http1HeaderCase http1IdleTimeout http1MaxHeaders http2ConnectionWindowSize http2FrameSize http2KeepaliveInterval http2KeepaliveTimeout http2MaxHeaderSize http2WindowSize maxBufferSize maxConnectionDuration] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontendHttp(
    HeaderCase http1HeaderCase,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('1s')",
            message = "http1IdleTimeout must be at least 1 second")
        String http1IdleTimeout,
    @Min(1) @Max(4096) Integer http1MaxHeaders,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\\\.[0-9]*)?|\\\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString http2ConnectionWindowSize,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\\\.[0-9]*)?|\\\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString http2FrameSize,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('1s')",
            message = "http2KeepaliveInterval must be at least 1 second")
        String http2KeepaliveInterval,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('1s')",
            message = "http2KeepaliveTimeout must be at least 1 second")
        String http2KeepaliveTimeout,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\\\.[0-9]*)?|\\\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString http2MaxHeaderSize,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\\\.[0-9]*)?|\\\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString http2WindowSize,
    @Size(min = 1, max = 32)
        @Pattern(
            "^[+-]?([0-9]+(\\\\.[0-9]*)?|\\\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE](\\\\+?0*([0-9]|1[0-8])|-0*[0-9]))?$")
        IntOrString maxBufferSize,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('1s')",
            message = "maxConnectionDuration must be at least 1 second")
        String maxConnectionDuration) {

  /** Values of {@code http1HeaderCase}. */
  public enum HeaderCase {
    Lowercase,
    Preserve
  }
}

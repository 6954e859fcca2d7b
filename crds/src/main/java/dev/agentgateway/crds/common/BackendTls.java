package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code tls} object of {@link GuardrailPolicies}. */
@ValidationRule(
    value =
        "has(self.insecureSkipVerify) && self.insecureSkipVerify == 'All' ? !has(self.caCertificateRefs) : true",
    message = "insecureSkipVerify All and caCertificateRefs may not be set together")
@ValidationRule(
    value = "has(self.insecureSkipVerify) ? !has(self.verifySubjectAltNames) : true",
    message = "insecureSkipVerify and verifySubjectAltNames may not be set together")
@ValidationRule(
    value =
        "!has(self.certificateSource) || self.certificateSource != 'SPIFFE' || (!has(self.mtlsCertificateRef) && !has(self.caCertificateRefs) && !has(self.insecureSkipVerify))",
    message =
        "certificateSource SPIFFE may not be combined with mtlsCertificateRef, caCertificateRefs, or insecureSkipVerify")
@ValidationRule(
    value =
        "[has(self.verifySubjectAltNames),has(self.insecureSkipVerify)].filter(x,x==true).size() <= 1",
    message = "at most one of the fields in [verifySubjectAltNames insecureSkipVerify] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendTls(
    @Size(min = 1, max = 16) List<String> alpnProtocols,
    @Size(max = 1) List<CaCertificateRef> caCertificateRefs,
    @Default("Inline") CertificateSource certificateSource,
    InsecureSkipVerify insecureSkipVerify,
    List<KeyExchangeGroup> keyExchangeGroups,
    @Size(max = 1) List<SecretRef> mtlsCertificateRef,
    @Size(min = 1, max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String sni,
    @Size(min = 1, max = 16) List<String> verifySubjectAltNames) {}

package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code builtin} in {@link Regex}. */
public enum BuiltinPattern {
  @JsonProperty("CaSin")
  CA_SIN,
  @JsonProperty("CreditCard")
  CREDIT_CARD,
  @JsonProperty("Email")
  EMAIL,
  @JsonProperty("PhoneNumber")
  PHONE_NUMBER,
  @JsonProperty("Ssn")
  SSN
}

package dev.agentgateway.model.ir;

/** A TLS protocol version a listener or backend connection may negotiate. */
public enum TlsVersion {
  TLS_1_2("TLSv1.2"),
  TLS_1_3("TLSv1.3");

  private final String jdkName;

  TlsVersion(String jdkName) {
    this.jdkName = jdkName;
  }

  /** The JSSE protocol name, e.g. {@code TLSv1.3}. */
  public String jdkName() {
    return jdkName;
  }
}

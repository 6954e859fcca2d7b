package dev.agentgateway.control.config;

/** This build's version, the default proxy image tag. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}

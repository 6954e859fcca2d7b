package dev.agentgateway.model.ir;

/** What a listener accepts. */
public enum ListenerProtocol {
  HTTP,
  HTTPS,
  TLS,
  TCP,
  HBONE
}

package dev.agentgateway.proxy.mcp.upstream.openapi;

import java.util.Objects;

/**
 * One parameter of an operation.
 *
 * @param name its name in the path template, query or header
 * @param in where it goes
 * @param required whether a call must give it
 */
record Param(String name, In in, boolean required) {
  /** Where a parameter goes; also its group's name in the tool's input schema. */
  enum In {
    PATH("path"),
    QUERY("query"),
    HEADER("header");

    final String group;

    In(String group) {
      this.group = group;
    }
  }

  Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
  }
}

package dev.agentgateway.model.ir;

import java.util.Objects;

/** How a redirect or rewrite changes the path. */
public sealed interface PathRewrite {

  /** Replace the whole path. */
  record Full(String path) implements PathRewrite {
    public Full {
      Objects.requireNonNull(path, "path");
    }
  }

  /** Replace the part matched by the route's path prefix. */
  record Prefix(String prefix) implements PathRewrite {
    public Prefix {
      Objects.requireNonNull(prefix, "prefix");
    }
  }
}

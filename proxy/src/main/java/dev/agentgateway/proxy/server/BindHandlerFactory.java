package dev.agentgateway.proxy.server;

import dev.agentgateway.model.ir.Bind;
import io.helidon.webserver.http.Handler;

/** Creates the request handler of one bind (in production, a {@code ProxyHandler}). */
@FunctionalInterface
public interface BindHandlerFactory {

  /** The handler for every request on {@code bind}. */
  Handler create(Bind bind);
}

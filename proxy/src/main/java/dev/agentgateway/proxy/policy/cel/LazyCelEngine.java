package dev.agentgateway.proxy.policy.cel;

/**
 * The process's one {@link CelEngine}, built on first use: building one costs a few hundred
 * milliseconds, which a config without CEL should not pay at start.
 */
public final class LazyCelEngine {
  private volatile CelEngine engine;

  /** The engine, built now if this is the first call. */
  public CelEngine get() {
    CelEngine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          e = CelEngine.create();
          engine = e;
        }
      }
    }
    return e;
  }
}

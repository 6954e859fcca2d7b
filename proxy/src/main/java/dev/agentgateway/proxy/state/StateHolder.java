package dev.agentgateway.proxy.state;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Holds the current {@link ProxyState}; readers get a consistent snapshot without locking. */
public final class StateHolder {
  private final AtomicReference<ProxyState> current;
  private final List<Consumer<ProxyState>> listeners = new CopyOnWriteArrayList<>();

  public StateHolder(ProxyState initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  /** The state to use for one whole request. */
  public ProxyState get() {
    return current.get();
  }

  /** Swaps in {@code next} and tells the listeners. */
  public void set(ProxyState next) {
    current.set(Objects.requireNonNull(next, "next"));
    for (Consumer<ProxyState> listener : listeners) {
      listener.accept(next);
    }
  }

  /** Calls {@code listener} after every swap. */
  public void onChange(Consumer<ProxyState> listener) {
    listeners.add(listener);
  }
}

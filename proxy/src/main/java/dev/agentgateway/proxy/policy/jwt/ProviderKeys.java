package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/** A provider's public signing keys. */
interface ProviderKeys {

  /** The keys to verify with now; may fetch when none are cached or they are stale. */
  List<JWK> current();

  /**
   * A token names a key that {@link #current} lacks: fetch again if allowed now.
   *
   * @return true when a fetch ran and succeeded, so a second look is worthwhile
   */
  boolean refreshForUnknownKey();

  /** Keys fixed at load time: inline or from a file. */
  record Fixed(List<JWK> keys) implements ProviderKeys {
    public Fixed {
      keys = List.copyOf(keys);
    }

    @Override
    public List<JWK> current() {
      return keys;
    }

    @Override
    public boolean refreshForUnknownKey() {
      return false;
    }
  }
}

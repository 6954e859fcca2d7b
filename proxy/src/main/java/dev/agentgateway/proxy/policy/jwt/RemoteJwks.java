package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * A JWKS fetched from a URL and cached for {@link JwksSettings#cacheTtl}. Fetches of one URL are at
 * least {@link JwksSettings#minRefetchInterval} apart whatever asks for them, and a failed fetch
 * keeps the last good keys. While stale keys exist, one request fetches and the others go on with
 * the stale keys instead of waiting.
 */
final class RemoteJwks implements ProviderKeys {
  private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());

  private final URI url;
  private final HttpClient http;
  private final JwksSettings settings;
  private final Clock clock;
  private final ReentrantLock fetchLock = new ReentrantLock();

  private volatile Snapshot snapshot;
  // Guarded by fetchLock.
  private Instant lastAttempt;
  private boolean lastFailed;

  private record Snapshot(List<JWK> keys, Instant fetchedAt) {}

  RemoteJwks(URI url, HttpClient http, JwksSettings settings, Clock clock) {
    this.url = url;
    this.http = http;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public List<JWK> current() {
    Snapshot current = snapshot;
    if (current != null && !stale(current)) {
      return current.keys();
    }
    if (current == null) {
      fetchLock.lock();
    } else if (!fetchLock.tryLock()) {
      return current.keys();
    }
    try {
      Snapshot now = snapshot;
      if (now != null && !stale(now)) {
        return now.keys();
      }
      if (mayFetch()) {
        fetch();
      }
      now = snapshot;
      return now == null ? List.of() : now.keys();
    } finally {
      fetchLock.unlock();
    }
  }

  @Override
  public boolean refreshForUnknownKey() {
    fetchLock.lock();
    try {
      return mayFetch() && fetch();
    } finally {
      fetchLock.unlock();
    }
  }

  private boolean stale(Snapshot s) {
    return !clock.instant().isBefore(s.fetchedAt().plus(settings.cacheTtl()));
  }

  private boolean mayFetch() {
    return lastAttempt == null
        || !clock.instant().isBefore(lastAttempt.plus(settings.minRefetchInterval()));
  }

  /** Fetches once; true when new keys were stored. Called with fetchLock held. */
  private boolean fetch() {
    lastAttempt = clock.instant();
    try {
      List<JWK> keys = download();
      snapshot = new Snapshot(keys, clock.instant());
      if (lastFailed) {
        LOG.info(() -> "JWKS " + url + " fetched again after failures");
      }
      lastFailed = false;
      return true;
    } catch (IOException | ParseException | RuntimeException e) {
      // Logged on the first failure of a run only; fetches are rate limited, but logs need not
      // repeat.
      if (!lastFailed) {
        LOG.warning(
            "cannot fetch JWKS "
                + url
                + ": "
                + e.getMessage()
                + (snapshot == null ? "; no keys yet" : "; keeping the last good keys"));
      }
      lastFailed = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private List<JWK> download() throws IOException, InterruptedException, ParseException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(settings.fetchTimeout())
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("status " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(settings.maxBytes() + 1);
      if (bytes.length > settings.maxBytes()) {
        throw new IOException("larger than " + settings.maxBytes() + " bytes");
      }
      List<JWK> keys = JwksParsing.publicKeys(new String(bytes, StandardCharsets.UTF_8));
      if (keys.isEmpty()) {
        // An empty set would lock every client out; a key server does not mean that.
        throw new IOException("the key set is empty");
      }
      return keys;
    }
  }
}

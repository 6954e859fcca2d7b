package dev.agentgateway.control.xds.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The xDS serving certificate, kept from the Secret {@link XdsTlsSettings#secretName()}: a CA there
 * (generated and stored when the Secret is missing) signs short-lived certificates replaced at half
 * their lifetime; a serving certificate there is used as it is. A watch and a periodic re-read pick
 * up a changed Secret. A Secret that cannot be used is reported and the certificate served so far
 * stays.
 */
public final class XdsCertificateSource implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(XdsCertificateSource.class.getName());
  // The re-read interval is a fraction of the lifetime so renewal at half of it is never late, and
  // capped so a replaced Secret is noticed within a minute even if the watch is down.
  private static final Duration MAX_CHECK_INTERVAL = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final XdsTlsSettings settings;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("xds-certificate").factory());
  private final RotatingKeyManager keyManager;
  private Map<String, String> lastData;
  private Map<String, String> lastStringData;
  private SecretContents contents;
  private Instant renewAt;
  private Watch watch;
  private volatile boolean closed;

  private XdsCertificateSource(KubernetesClient client, XdsTlsSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    lock.lock();
    try {
      this.keyManager = new RotatingKeyManager(load());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Loads (or creates) the Secret, serves its certificate and starts watching and rotating.
   *
   * @throws IllegalStateException when the Secret cannot be read, created or used
   */
  public static XdsCertificateSource start(KubernetesClient client, XdsTlsSettings settings) {
    return start(client, settings, Clock.systemUTC());
  }

  static XdsCertificateSource start(KubernetesClient client, XdsTlsSettings settings, Clock clock) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    XdsCertificateSource source = new XdsCertificateSource(client, settings, clock);
    source.schedule();
    return source;
  }

  /** Server credentials serving the current certificate to each new connection. */
  public ServerCredentials credentials() {
    // grpc's defaults apply: TLS 1.2 and 1.3 with HTTP/2's cipher suites, no client certificates.
    return TlsServerCredentials.newBuilder().keyManager(keyManager).build();
  }

  /** The certificate new connections get. */
  public ServingCertificate current() {
    return keyManager.current();
  }

  private void schedule() {
    long interval =
        Math.max(
            100, Math.min(settings.leafLifetime().toMillis() / 8, MAX_CHECK_INTERVAL.toMillis()));
    scheduler.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
    try {
      watch =
          client
              .secrets()
              .inNamespace(settings.namespace())
              .withName(settings.secretName())
              .watch(new SecretWatcher());
    } catch (KubernetesClientException e) {
      // The periodic re-read still notices changes.
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot watch Secret " + secretRef() + ": " + e.getMessage());
    }
  }

  /** Re-reads the Secret and rotates when due; keeps the current certificate on any failure. */
  void refresh() {
    lock.lock();
    try {
      keyManager.set(load());
    } catch (RuntimeException e) {
      if (closed) {
        return; // an interrupted read while closing
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "xDS certificate not updated, still serving "
              + keyManager.current()
              + ": "
              + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** What to serve now; the caller holds the lock. */
  private ServingCertificate load() {
    Secret secret = readOrCreate();
    Map<String, String> data = secret.getData();
    Map<String, String> stringData = secret.getStringData();
    boolean changed =
        contents == null
            || !Objects.equals(data, lastData)
            || !Objects.equals(stringData, lastStringData);
    Instant now = clock.instant();
    if (changed) {
      try {
        SecretContents parsed = SecretContents.parse(secretRef(), data, stringData);
        contents = parsed;
        lastData = data;
        lastStringData = stringData;
        LOG.log(
            System.Logger.Level.INFO,
            "xDS certificate Secret "
                + secretRef()
                + (parsed instanceof SecretContents.Signing
                    ? " holds a CA"
                    : " holds a certificate"));
      } catch (IllegalArgumentException e) {
        if (contents == null) {
          throw e;
        }
        // Keep what was good, renewal by the old CA included: proxies still trust it.
        LOG.log(
            System.Logger.Level.WARNING,
            "xDS certificate Secret changed but cannot be used, keeping the previous one: "
                + e.getMessage());
        changed = false;
      }
    }
    return switch (contents) {
      case SecretContents.Signing s -> {
        if (!changed && now.isBefore(renewAt)) {
          yield keyManager.current();
        }
        ServingCertificate leaf = s.ca().sign(settings.hosts(), now, settings.leafLifetime());
        renewAt = now.plus(settings.leafLifetime().dividedBy(2));
        LOG.log(System.Logger.Level.INFO, "xDS serving certificate signed: " + leaf);
        yield leaf;
      }
      case SecretContents.Serving s -> s.certificate();
    };
  }

  private Secret readOrCreate() {
    var resource =
        client.secrets().inNamespace(settings.namespace()).withName(settings.secretName());
    try {
      Secret secret = resource.get();
      if (secret != null) {
        return secret;
      }
      CertificateAuthority ca =
          CertificateAuthority.generate(clock.instant(), CertificateAuthority.CA_LIFETIME);
      Secret fresh =
          new SecretBuilder()
              .withNewMetadata()
              .withName(settings.secretName())
              .withNamespace(settings.namespace())
              .endMetadata()
              .withType("Opaque")
              .withData(SecretContents.encode(ca))
              .build();
      try {
        Secret created =
            client.secrets().inNamespace(settings.namespace()).resource(fresh).create();
        LOG.log(System.Logger.Level.INFO, "created xDS CA in Secret " + secretRef());
        return created;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        // Another controller replica created it first: use theirs, so all serve one CA.
        Secret theirs = resource.get();
        if (theirs == null) {
          throw new IllegalStateException("Secret " + secretRef() + " conflicted but is gone");
        }
        return theirs;
      }
    } catch (KubernetesClientException e) {
      throw new IllegalStateException(
          "cannot read or create Secret " + secretRef() + ": " + e.getMessage(), e);
    }
  }

  private String secretRef() {
    return settings.namespace() + "/" + settings.secretName();
  }

  @Override
  public void close() {
    closed = true;
    if (watch != null) {
      watch.close();
    }
    scheduler.shutdownNow();
  }

  /** Re-reads on every change; the re-read ignores events that changed nothing we use. */
  private final class SecretWatcher implements Watcher<Secret> {
    @Override
    public void eventReceived(Action action, Secret resource) {
      try {
        scheduler.execute(XdsCertificateSource.this::refresh);
      } catch (RejectedExecutionException e) {
        // closing
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      LOG.log(
          System.Logger.Level.WARNING,
          "watch of Secret "
              + secretRef()
              + " closed; relying on the periodic re-read: "
              + cause.getMessage());
    }
  }
}

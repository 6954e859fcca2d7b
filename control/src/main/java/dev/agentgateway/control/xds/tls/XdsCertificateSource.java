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
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
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
  // Renewal is checked at a fraction of the lifetime so renewing at half of it is never late.
  private static final Duration MAX_RENEW_CHECK = Duration.ofMinutes(1);
  // A replaced Secret is noticed within this even while the watch is down.
  private static final Duration RESYNC = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final XdsTlsSettings settings;
  private final Clock clock;
  // Guards what is served; never held across an API call, so renewal does not wait on the API.
  private final ReentrantLock lock = new ReentrantLock();
  // Orders re-reads, so an older read is never applied after a newer one.
  private final ReentrantLock resyncLock = new ReentrantLock();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(2, Thread.ofVirtual().name("xds-certificate-", 0).factory());
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
    Secret secret = readOrCreate();
    lock.lock();
    try {
      SecretContents first =
          SecretContents.parse(secretRef(), secret.getData(), secret.getStringData());
      remember(secret, first);
      this.keyManager = new RotatingKeyManager(serve(first));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Loads (or creates) the Secret, serves its certificate and starts watching and rotating.
   *
   * @throws IllegalArgumentException when the Secret holds nothing usable, naming the key at fault
   * @throws IllegalStateException when the Secret cannot be read or created
   */
  public static XdsCertificateSource start(KubernetesClient client, XdsTlsSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    XdsCertificateSource source = new XdsCertificateSource(client, settings, Clock.systemUTC());
    source.schedule();
    return source;
  }

  /** Server credentials serving the current certificate to each new connection. */
  public ServerCredentials credentials() {
    // grpc's defaults apply: TLS 1.2 and 1.3 with HTTP/2's cipher suites, no client certificates.
    return TlsServerCredentials.newBuilder().keyManager(keyManager).build();
  }

  /**
   * The PEM of the CA proxies must trust: the signing CA, or for a provided serving certificate the
   * Secret's {@code ca.crt}; null when a provided Secret has none.
   */
  public String caPem() {
    lock.lock();
    try {
      if (contents instanceof SecretContents.Signing signing) {
        return pem(signing.ca().certificate());
      }
      if (lastStringData != null && lastStringData.get(SecretContents.CA_CRT) != null) {
        return lastStringData.get(SecretContents.CA_CRT);
      }
      String data = lastData == null ? null : lastData.get(SecretContents.CA_CRT);
      return data == null
          ? null
          : new String(java.util.Base64.getDecoder().decode(data), StandardCharsets.US_ASCII);
    } finally {
      lock.unlock();
    }
  }

  private static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the xDS CA certificate", e);
    }
  }

  /** The certificate new connections get. */
  public ServingCertificate current() {
    return keyManager.current();
  }

  private void schedule() {
    long check =
        Math.max(100, Math.min(settings.leafLifetime().toMillis() / 8, MAX_RENEW_CHECK.toMillis()));
    scheduler.scheduleWithFixedDelay(this::renewIfDue, check, check, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::resync, RESYNC.toMillis(), RESYNC.toMillis(), TimeUnit.MILLISECONDS);
    try {
      watch =
          client
              .secrets()
              .inNamespace(settings.namespace())
              .withName(settings.secretName())
              .watch(new SecretWatcher());
    } catch (KubernetesClientException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot watch Secret " + secretRef() + ", re-reading it every minute: " + e.getMessage());
    }
  }

  /** Signs a new certificate once the current one is half through its life; no API call. */
  void renewIfDue() {
    lock.lock();
    try {
      if (contents instanceof SecretContents.Signing && !clock.instant().isBefore(renewAt)) {
        keyManager.set(serve(contents));
      }
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "xDS serving certificate not renewed: " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** Re-reads the Secret and serves what changed; keeps the current certificate on any failure. */
  void resync() {
    resyncLock.lock();
    try {
      Secret secret = readOrCreate();
      lock.lock();
      try {
        if (Objects.equals(secret.getData(), lastData)
            && Objects.equals(secret.getStringData(), lastStringData)) {
          return;
        }
        SecretContents next =
            SecretContents.parse(secretRef(), secret.getData(), secret.getStringData());
        remember(secret, next);
        keyManager.set(serve(next));
      } finally {
        lock.unlock();
      }
    } catch (RuntimeException e) {
      if (!closed) { // else: a read interrupted by close
        // Renewal by the CA held so far goes on: proxies still trust it.
        LOG.log(
            System.Logger.Level.WARNING,
            "xDS certificate Secret not applied, still serving "
                + keyManager.current()
                + ": "
                + e.getMessage());
      }
    } finally {
      resyncLock.unlock();
    }
  }

  private void remember(Secret secret, SecretContents parsed) {
    contents = parsed;
    lastData = secret.getData();
    lastStringData = secret.getStringData();
    LOG.log(
        System.Logger.Level.INFO,
        "xDS certificate Secret "
            + secretRef()
            + (parsed instanceof SecretContents.Signing ? " holds a CA" : " holds a certificate"));
  }

  /** What to serve from {@code from} now; the caller holds the lock. */
  private ServingCertificate serve(SecretContents from) {
    return switch (from) {
      case SecretContents.Signing s -> {
        Instant now = clock.instant();
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
        scheduler.execute(XdsCertificateSource.this::resync);
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

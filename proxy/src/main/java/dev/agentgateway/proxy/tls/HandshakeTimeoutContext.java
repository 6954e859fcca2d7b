package dev.agentgateway.proxy.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSL context whose server sockets give the client {@code timeout} to finish the handshake:
 * Helidon layers TLS over an accepted socket through {@link SSLSocketFactory#createSocket(Socket,
 * InputStream, boolean)} and then handshakes on the connection's thread; a connection whose
 * handshake has not completed when the timeout passes is closed.
 */
final class HandshakeTimeoutContext extends SSLContext {
  /**
   * @param parameters applied to every server socket (Helidon's blocking path sets none itself)
   */
  HandshakeTimeoutContext(SSLContext delegate, Duration timeout, SSLParameters parameters) {
    super(new Spi(delegate, timeout, parameters), delegate.getProvider(), delegate.getProtocol());
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext delegate;
    private final int timeoutMillis;
    private final SSLParameters parameters;

    Spi(SSLContext delegate, Duration timeout, SSLParameters parameters) {
      this.delegate = delegate;
      this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      this.parameters = parameters;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
        throws KeyManagementException {
      delegate.init(km, tm, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new Factory(delegate.getSocketFactory(), timeoutMillis, parameters);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return delegate.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return delegate.createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return delegate.createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return delegate.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return delegate.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return delegate.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return delegate.getSupportedSSLParameters();
    }
  }

  private static final class Factory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final int timeoutMillis;
    private final SSLParameters parameters;

    Factory(SSLSocketFactory delegate, int timeoutMillis, SSLParameters parameters) {
      this.delegate = delegate;
      this.timeoutMillis = timeoutMillis;
      this.parameters = parameters;
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose)
        throws IOException {
      SSLSocket ssl = (SSLSocket) delegate.createSocket(s, consumed, autoClose);
      ssl.setSSLParameters(parameters);
      AtomicBoolean done = new AtomicBoolean();
      ssl.addHandshakeCompletedListener(event -> done.set(true));
      CompletableFuture.runAsync(
          () -> {
            if (!done.get()) {
              closeQuietly(s);
            }
          },
          CompletableFuture.delayedExecutor(timeoutMillis, TimeUnit.MILLISECONDS));
      return ssl;
    }

    private static void closeQuietly(Socket s) {
      try {
        // The plain socket, not the TLS one: its close would wait for the handshake lock.
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, local, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
        throws IOException {
      return delegate.createSocket(address, port, local, localPort);
    }
  }
}

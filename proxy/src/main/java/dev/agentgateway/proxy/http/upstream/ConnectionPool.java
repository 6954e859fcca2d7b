package dev.agentgateway.proxy.http.upstream;

import dev.agentgateway.proxy.tls.UpstreamTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Idle HTTP/1.1 connections per upstream authority, newest first. At most {@code maxIdle} are kept
 * per authority; one idle longer than the idle timeout is closed instead of reused (on the next
 * acquire, release or {@link #sweep()}). No threads of its own.
 */
public final class ConnectionPool implements AutoCloseable {
  private static final int UNBOUNDED = 4096;

  private final int connectTimeoutMillis;
  private final long idleNanos;
  private final int maxIdle;
  private final ConcurrentHashMap<Key, Idle> idle = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * An upstream authority, the TLS to speak to it ({@code null} for plain HTTP), and the socket
   * settings of its backend's {@code tcp} policy ({@code null} for the pool's).
   */
  public record Key(String host, int port, UpstreamTls tls, SocketOptions socket) {
    /** A plain HTTP authority. */
    public Key(String host, int port) {
      this(host, port, null, null);
    }

    /** An authority with the pool's socket settings. */
    public Key(String host, int port, UpstreamTls tls) {
      this(host, port, tls, null);
    }
  }

  /**
   * @param maxIdle most idle connections kept per authority, 0 for no limit
   */
  public ConnectionPool(Duration connectTimeout, Duration idleTimeout, int maxIdle) {
    this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
    this.idleNanos = idleTimeout.toNanos();
    this.maxIdle = maxIdle > 0 ? maxIdle : UNBOUNDED;
  }

  /**
   * An idle connection to {@code key}, or a new one (then {@link Connection#reused()} is false).
   */
  public Connection acquire(Key key) throws IOException {
    Idle pool = idle.get(key);
    if (pool != null) {
      long now = System.nanoTime();
      Connection conn;
      while ((conn = pool.poll()) != null) {
        if (now - conn.idleSince() < idleNanos && !conn.dirty()) {
          return conn;
        }
        conn.close();
      }
    }
    return connect(key);
  }

  private Connection connect(Key key) throws IOException {
    Socket socket = new Socket();
    int timeout =
        key.socket() == null
            ? connectTimeoutMillis
            : key.socket().connectTimeoutMillis(connectTimeoutMillis);
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      if (key.socket() != null) {
        key.socket().apply(socket);
      }
      socket.connect(new InetSocketAddress(key.host(), key.port()), timeout);
      if (key.tls() != null) {
        // The connect timeout bounds the handshake too; reads after it are bounded by policies.
        socket.setSoTimeout(timeout);
        socket = key.tls().handshake(socket, key.host(), key.port());
        socket.setSoTimeout(0);
      }
      return new Connection(this, key, socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  void release(Connection conn) {
    if (closed || conn.dirty()) {
      conn.close();
      return;
    }
    conn.idle(System.nanoTime());
    idle.computeIfAbsent(conn.key(), k -> new Idle()).offer(conn, maxIdle);
  }

  /** Closes connections idle longer than the idle timeout. */
  public void sweep() {
    long now = System.nanoTime();
    for (Idle pool : idle.values()) {
      pool.expire(now, idleNanos);
    }
  }

  /** Closes every idle connection; connections in use close when their response ends. */
  @Override
  public void close() {
    closed = true;
    for (Idle pool : idle.values()) {
      pool.closeAll();
    }
  }

  /** One authority's idle connections, newest at the head. */
  private static final class Idle {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Connection> connections = new ArrayDeque<>();

    Connection poll() {
      lock.lock();
      try {
        return connections.pollFirst();
      } finally {
        lock.unlock();
      }
    }

    void offer(Connection conn, int max) {
      Connection evicted = null;
      lock.lock();
      try {
        connections.offerFirst(conn);
        if (connections.size() > max) {
          evicted = connections.pollLast();
        }
      } finally {
        lock.unlock();
      }
      if (evicted != null) {
        evicted.close();
      }
    }

    void closeAll() {
      ArrayDeque<Connection> all;
      lock.lock();
      try {
        all = new ArrayDeque<>(connections);
        connections.clear();
      } finally {
        lock.unlock();
      }
      all.forEach(Connection::close);
    }

    void expire(long now, long idleNanos) {
      ArrayDeque<Connection> expired = new ArrayDeque<>();
      lock.lock();
      try {
        Iterator<Connection> oldest = connections.descendingIterator();
        while (oldest.hasNext()) {
          Connection conn = oldest.next();
          if (now - conn.idleSince() < idleNanos) {
            break;
          }
          oldest.remove();
          expired.add(conn);
        }
      } finally {
        lock.unlock();
      }
      expired.forEach(Connection::close);
    }
  }
}

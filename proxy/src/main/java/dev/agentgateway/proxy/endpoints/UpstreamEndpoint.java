package dev.agentgateway.proxy.endpoints;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One ready endpoint of a Service port, counting the requests in flight to it. A request acquires
 * it before its try and releases it when the response is relayed or the try failed.
 */
public final class UpstreamEndpoint {
  private final EndpointSet set;
  private final int index;
  private final String address;
  private final int port;
  private final AtomicInteger inFlight = new AtomicInteger();

  UpstreamEndpoint(EndpointSet set, int index, String address, int port) {
    this.set = set;
    this.index = index;
    this.address = address;
    this.port = port;
  }

  /** The IP address or hostname to connect to (IPv6 without brackets). */
  public String address() {
    return address;
  }

  /** The target port. */
  public int port() {
    return port;
  }

  /** Counts one more request in flight. */
  public void acquire() {
    inFlight.incrementAndGet();
  }

  /** Counts one request done; pairs with {@link #acquire()}. */
  public void release() {
    inFlight.decrementAndGet();
  }

  /** The requests in flight to this endpoint now. */
  public int inFlight() {
    return inFlight.get();
  }

  EndpointSet set() {
    return set;
  }

  int index() {
    return index;
  }

  @Override
  public String toString() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}

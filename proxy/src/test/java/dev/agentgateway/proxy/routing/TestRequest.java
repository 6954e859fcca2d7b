package dev.agentgateway.proxy.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A request for route-selection tests, built fluently. */
final class TestRequest implements RequestView {
  private final String path;
  private String host = "";
  private String method = "GET";
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, String> query = new HashMap<>();

  private TestRequest(String path) {
    this.path = path;
  }

  static TestRequest get(String path) {
    return new TestRequest(path);
  }

  TestRequest host(String value) {
    this.host = value;
    return this;
  }

  TestRequest method(String value) {
    this.method = value;
    return this;
  }

  TestRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  TestRequest query(String name, String value) {
    query.put(name, value);
    return this;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String query(String name) {
    return query.get(name);
  }

  @Override
  public String toString() {
    return method + " " + host + path + " headers=" + headers + " query=" + query;
  }
}

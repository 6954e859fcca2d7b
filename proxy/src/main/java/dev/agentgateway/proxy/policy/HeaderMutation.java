package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.HeaderModifier;
import dev.agentgateway.model.ir.HeaderValue;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import java.util.List;

/** A compiled {@link HeaderModifier}: header objects are built once and reused by every request. */
public final class HeaderMutation {
  private final Header[] add;
  private final Header[] set;
  private final HeaderName[] remove;
  private final HeaderMutation next;

  private HeaderMutation(Header[] add, Header[] set, HeaderName[] remove) {
    this(add, set, remove, null);
  }

  private HeaderMutation(Header[] add, Header[] set, HeaderName[] remove, HeaderMutation next) {
    this.add = add;
    this.set = set;
    this.remove = remove;
    this.next = next;
  }

  /**
   * A mutation decided at request time (e.g. by an authorization service), or {@code null} when it
   * changes nothing.
   */
  public static HeaderMutation of(List<Header> add, List<Header> set, List<HeaderName> remove) {
    if (add.isEmpty() && set.isEmpty() && remove.isEmpty()) {
      return null;
    }
    return new HeaderMutation(
        add.toArray(Header[]::new), set.toArray(Header[]::new), remove.toArray(HeaderName[]::new));
  }

  /** {@code first}, then {@code then}; either may be {@code null} (no change). */
  public static HeaderMutation chain(HeaderMutation first, HeaderMutation then) {
    if (first == null) {
      return then;
    }
    if (then == null) {
      return first;
    }
    return new HeaderMutation(first.add, first.set, first.remove, chain(first.next, then));
  }

  /** Compiles {@code modifier}, or returns {@code null} when it is absent or changes nothing. */
  public static HeaderMutation compile(HeaderModifier modifier) {
    if (modifier == null
        || modifier.add().isEmpty() && modifier.set().isEmpty() && modifier.remove().isEmpty()) {
      return null;
    }
    HeaderName[] remove = new HeaderName[modifier.remove().size()];
    for (int i = 0; i < remove.length; i++) {
      remove[i] = HeaderNames.create(modifier.remove().get(i));
    }
    return new HeaderMutation(headers(modifier.add()), headers(modifier.set()), remove);
  }

  private static Header[] headers(List<HeaderValue> values) {
    Header[] headers = new Header[values.size()];
    for (int i = 0; i < headers.length; i++) {
      HeaderValue value = values.get(i);
      headers[i] = HeaderValues.create(HeaderNames.create(value.name()), value.value());
    }
    return headers;
  }

  /** Appends, then replaces, then removes, in the order the policy lists them. */
  public void apply(WritableHeaders<?> headers) {
    for (Header header : add) {
      headers.add(header);
    }
    for (Header header : set) {
      headers.set(header);
    }
    for (HeaderName name : remove) {
      headers.remove(name);
    }
    if (next != null) {
      next.apply(headers);
    }
  }
}

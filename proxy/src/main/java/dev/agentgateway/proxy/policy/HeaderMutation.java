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

  private HeaderMutation(Header[] add, Header[] set, HeaderName[] remove) {
    this.add = add;
    this.set = set;
    this.remove = remove;
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
  }
}

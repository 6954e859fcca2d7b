package dev.agentgateway.proxy.policy.transform;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.WritableHeaders;

/**
 * The header changes one request's transformation computed: appended, then replaced, then removed,
 * as upstream orders them.
 */
public final class HeaderEdits {
  /** No changes. */
  public static final HeaderEdits NONE =
      new HeaderEdits(new Header[0], new Header[0], new HeaderName[0]);

  private final Header[] add;
  private final Header[] set;
  private final HeaderName[] remove;

  HeaderEdits(Header[] add, Header[] set, HeaderName[] remove) {
    this.add = add;
    this.set = set;
    this.remove = remove;
  }

  /** Applies the changes to {@code headers}. */
  public void apply(WritableHeaders<?> headers) {
    for (Header header : add) {
      if (header != null) {
        headers.add(header);
      }
    }
    for (Header header : set) {
      if (header != null) {
        headers.set(header);
      }
    }
    for (HeaderName name : remove) {
      headers.remove(name);
    }
  }
}

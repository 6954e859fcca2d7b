package dev.agentgateway.model.xds;

/**
 * A resource from the wire that does not form a valid IR value; the proxy NACKs it with {@link
 * #getMessage()}, which reads {@code <resource name>: <field path>: <reason>}.
 */
public final class InvalidResourceException extends IllegalArgumentException {

  private final String resource;
  private final String field;

  /**
   * A failure of {@code field} (a path such as {@code matches[0].path.regex}) in {@code resource}.
   */
  public InvalidResourceException(String resource, String field, String reason) {
    super(resource + ": " + field + ": " + reason);
    this.resource = resource;
    this.field = field;
  }

  /** The xDS resource name, e.g. {@code route/r1}. */
  public String resource() {
    return resource;
  }

  /** The path of the offending field inside the resource. */
  public String field() {
    return field;
  }
}

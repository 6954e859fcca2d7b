package dev.agentgateway.proxy.policy.cel;

import dev.cel.runtime.CelVariableResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The variables of one request, as CEL reads them. Nothing is converted up front: a variable is
 * turned into its CEL value the first time an expression reads it, then kept for every later
 * expression over the same request. {@link #with} derives an activation that replaces one variable
 * (the {@code mcp} resource of each list item) and shares every other converted value.
 *
 * <p>Meant for one request; sharing it between threads is safe (a value may then be converted
 * twice, to equal immutable results).
 */
public final class CelActivation {
  private static final Map<String, Integer> INDEX = index();
  private static final Optional<Object> ABSENT = Optional.empty();

  /** Inputs by variable index: a raw value, a {@link Supplier} of one, or null when absent. */
  private final Object[] raw;

  /** Converted values by variable index; null until first read. Shared with derived ones. */
  private final Optional<Object>[] converted;

  private final int overrideIndex;
  private final Optional<Object> override;
  private final CelVariableResolver resolver = this::lookup;

  private CelActivation(
      Object[] raw, Optional<Object>[] converted, int overrideIndex, Optional<Object> override) {
    this.raw = raw;
    this.converted = converted;
    this.overrideIndex = overrideIndex;
    this.override = override;
  }

  /** An activation with no variables: every expression that reads one does not match. */
  public static CelActivation empty() {
    return builder().build();
  }

  /** A builder of an activation. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This activation with {@code variable} set to {@code value} (converted by {@link CelValues#of});
   * every other variable, and its converted value, is shared with this one.
   *
   * @throws IllegalArgumentException if {@code variable} is not one of {@link CelEngine#VARIABLES}
   */
  public CelActivation with(String variable, Object value) {
    return new CelActivation(raw, converted, indexOf(variable), Optional.of(CelValues.of(value)));
  }

  CelVariableResolver resolver() {
    return resolver;
  }

  private Optional<Object> lookup(String name) {
    Integer boxed = INDEX.get(name);
    if (boxed == null) {
      return ABSENT;
    }
    int i = boxed;
    if (i == overrideIndex) {
      return override;
    }
    Optional<Object> value = converted[i];
    if (value == null) {
      value = convert(raw[i]);
      // A plain write: the Optional's final field publishes the immutable value safely, and a
      // racing thread at worst converts the same input again.
      converted[i] = value;
    }
    return value;
  }

  private static Optional<Object> convert(Object input) {
    Object value = input instanceof Supplier<?> supplier ? supplier.get() : input;
    return switch (value) {
      case null -> ABSENT;
      case RequestAttributes request -> Optional.of(request.toCel());
      case SourceAttributes source -> Optional.of(source.toCel());
      default -> Optional.of(CelValues.of(value));
    };
  }

  private static int indexOf(String variable) {
    Integer i = INDEX.get(Objects.requireNonNull(variable, "variable"));
    if (i == null) {
      throw new IllegalArgumentException(
          "unknown CEL variable '" + variable + "'; known: " + CelEngine.VARIABLES);
    }
    return i;
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < CelEngine.VARIABLES.size(); i++) {
      index.put(CelEngine.VARIABLES.get(i), i);
    }
    return Map.copyOf(index);
  }

  /** Sets the variables of an activation; an unset variable is absent. */
  public static final class Builder {
    private final Object[] raw = new Object[CelEngine.VARIABLES.size()];

    private Builder() {}

    /** {@code request.*}. */
    public Builder request(RequestAttributes request) {
      return set("request", request);
    }

    /** {@code request.*}, built only if an expression reads it. */
    public Builder request(Supplier<RequestAttributes> request) {
      return set("request", request);
    }

    /** {@code source.*}. */
    public Builder source(SourceAttributes source) {
      return set("source", source);
    }

    /** {@code jwt.*}: the claims of the validated token (nested maps and lists as parsed). */
    public Builder jwt(Map<String, ?> claims) {
      return set("jwt", claims);
    }

    /** {@code apiKey.*}: the key's metadata, when API key authentication accepted the request. */
    public Builder apiKey(Map<String, ?> apiKey) {
      return set("apiKey", apiKey);
    }

    /** {@code basicAuth.*}: e.g. {@code username}, when basic authentication accepted it. */
    public Builder basicAuth(Map<String, ?> basicAuth) {
      return set("basicAuth", basicAuth);
    }

    /** {@code mcp.*}: the MCP resource being accessed. */
    public Builder mcp(Map<String, ?> mcp) {
      return set("mcp", mcp);
    }

    /**
     * Any variable of {@link CelEngine#VARIABLES}: a value for {@link CelValues#of}, or a {@link
     * Supplier} of one called on first read; null leaves it absent.
     *
     * @throws IllegalArgumentException if {@code variable} is not a known variable
     */
    public Builder set(String variable, Object value) {
      raw[indexOf(variable)] = value;
      return this;
    }

    /** The activation. */
    @SuppressWarnings("unchecked")
    public CelActivation build() {
      return new CelActivation(
          raw.clone(), (Optional<Object>[]) new Optional<?>[raw.length], -1, ABSENT);
    }
  }
}

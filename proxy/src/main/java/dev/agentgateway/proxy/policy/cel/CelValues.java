package dev.agentgateway.proxy.policy.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts plain Java data (JWT claims, JSON trees, config maps) into the values CEL-Java reads.
 * CEL needs {@code Long} rather than {@code Integer} ({@code jwt.n > 2} finds no overload for an
 * Integer), {@code Double} rather than {@code Float}, its own null, and string map keys.
 */
public final class CelValues {
  private CelValues() {}

  /**
   * The CEL value of {@code value}. Maps and lists are copied deeply into immutable collections, so
   * the result is safe to share between threads. Dates and instants become epoch seconds, as in the
   * JWT they came from; unknown types become their {@code toString()}.
   */
  public static Object of(Object value) {
    return switch (value) {
      case null -> NullValue.NULL_VALUE;
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Double d -> d;
      case Float f -> f.doubleValue();
      case BigInteger big -> big.bitLength() < Long.SIZE ? big.longValue() : big.doubleValue();
      case BigDecimal dec -> ofDecimal(dec);
      case Date date -> date.getTime() / 1000;
      case Instant instant -> instant.getEpochSecond();
      case NullValue n -> n;
      case Map<?, ?> map -> ofMap(map);
      case Collection<?> items -> ofList(items.iterator(), items.size());
      case Object[] items -> ofList(List.of(items).iterator(), items.length);
      case JsonNode node -> ofJson(node);
      default -> value.toString();
    };
  }

  /** The CEL map of {@code map}: keys become strings, values as {@link #of}. */
  public static Map<String, Object> ofMap(Map<?, ?> map) {
    Map<String, Object> out = HashMap.newHashMap(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), of(e.getValue()));
    }
    return Map.copyOf(out);
  }

  private static List<Object> ofList(Iterator<?> items, int size) {
    List<Object> out = new ArrayList<>(size);
    while (items.hasNext()) {
      out.add(of(items.next()));
    }
    return List.copyOf(out);
  }

  private static Object ofDecimal(BigDecimal dec) {
    try {
      return dec.longValueExact();
    } catch (ArithmeticException notAnInteger) {
      return dec.doubleValue();
    }
  }

  private static Object ofJson(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = HashMap.newHashMap(node.size());
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.put(field.getKey(), ofJson(field.getValue()));
      }
      return Map.copyOf(out);
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        out.add(ofJson(item));
      }
      return List.copyOf(out);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isNull() || node.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    return node.asText();
  }
}

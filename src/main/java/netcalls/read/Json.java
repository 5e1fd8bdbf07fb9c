package netcalls.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Jackson set up once, and the few conversions the run files need. */
public final class Json {
  /** Accepts JMH's and hand-edited files: comments, and NaN/Infinity written as bare numbers. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /** The range of instants whose epoch nanoseconds fit a long. */
  private static final Instant MIN_NANOS = Instant.ofEpochSecond(-9_223_372_035L);
  private static final Instant MAX_NANOS = Instant.ofEpochSecond(9_223_372_035L);

  private Json() {}

  /** A field that is there but not what it should be. */
  public static final class BadField extends Exception {
    public BadField(String field, String message) {
      super("field " + field + ": " + message);
    }
  }

  public static JsonParser parser(java.nio.file.Path file) throws java.io.IOException {
    return MAPPER.getFactory().createParser(file.toFile());
  }

  /** A number, or JMH's strings "NaN", "+INF", "-INF"; null when the field is absent or null. */
  public static Double number(JsonNode parent, String field) throws BadField {
    return number(parent, field, field);
  }

  /** As {@link #number(JsonNode, String)}, naming the field {@code label} in the error. */
  public static Double number(JsonNode parent, String field, String label) throws BadField {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return numberValue(n, label);
  }

  public static double numberValue(JsonNode n, String field) throws BadField {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      switch (n.textValue().trim()) {
        case "NaN":
          return Double.NaN;
        case "+INF": case "INF": case "Infinity": case "+Infinity":
          return Double.POSITIVE_INFINITY;
        case "-INF": case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          try {
            return Double.parseDouble(n.textValue().trim());
          } catch (NumberFormatException e) {
            throw new BadField(field, "\"" + n.textValue() + "\" is not a number");
          }
      }
    }
    throw new BadField(field, "expected a number, found " + n.getNodeType());
  }

  /** The {@code benchmark} name a JMH result and a trial description both carry; required. */
  public static String benchmark(JsonNode n) throws BadField {
    String benchmark = text(n, "benchmark");
    if (benchmark == null || benchmark.isEmpty()) {
      throw new BadField("benchmark", "missing");
    }
    return benchmark;
  }

  /** The {@code params} object as sorted strings; absent means none. */
  public static java.util.Map<String, String> params(JsonNode n) {
    java.util.Map<String, String> params = new java.util.TreeMap<>();
    JsonNode ps = n.get("params");
    if (ps != null && ps.isObject()) {
      for (java.util.Map.Entry<String, JsonNode> e : ps.properties()) {
        params.put(e.getKey(), e.getValue().asText());
      }
    }
    return params;
  }

  public static String text(JsonNode parent, String field) throws BadField {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isValueNode()) {
      return n.asText();
    }
    throw new BadField(field, "expected a string, found " + n.getNodeType());
  }

  public static Long integer(JsonNode parent, String field) throws BadField {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.canConvertToLong() && n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.textValue().trim());
      } catch (NumberFormatException e) {
        throw new BadField(field, "\"" + n.textValue() + "\" is not an integer");
      }
    }
    throw new BadField(field, "expected an integer, found " + n.getNodeType());
  }

  public static Instant instant(JsonNode parent, String field) throws BadField {
    String s = text(parent, field);
    if (s == null) {
      return null;
    }
    try {
      Instant t = Instant.parse(s);
      if (t.isBefore(MIN_NANOS) || t.isAfter(MAX_NANOS)) {
        throw new BadField(field, "\"" + s + "\" is outside the years 1678 to 2261 that a nanosecond timestamp can hold");
      }
      return t;
    } catch (DateTimeParseException e) {
      throw new BadField(field, "\"" + s + "\" is not an ISO-8601 instant like 2026-11-23T09:21:00.5Z");
    }
  }

  public static long epochNanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }
}

package netcalls.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import netcalls.run.HistoryJson;

/**
 * The history file's lines to {@link Night}s and back. A bad line is named (file, line, field,
 * what to do) and skipped; the good lines are kept.
 */
public final class HistoryFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");

  /** The nights read, and one message per line that could not be. */
  public record Parsed(List<Night> nights, List<String> errors) {}

  private HistoryFile() {}

  public static Parsed parse(String file, List<String> lines) {
    List<Night> nights = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        nights.add(night(i + 1, lines.get(i)));
      } catch (BadField e) {
        errors.add(file + " line " + (i + 1) + ": " + e.getMessage() + "; fix or delete the line");
      }
    }
    return new Parsed(nights, errors);
  }

  /** One line of JSON for {@code night} (its line number is not written). */
  public static String line(Night night) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put(HistoryJson.DATE, night.date());
    o.put(HistoryJson.BASELINE, night.baseline());
    o.put(HistoryJson.CANDIDATE, night.candidate());
    o.put(HistoryJson.VERDICT, night.verdict().name());
    if (night.reason() != null) {
      o.put(HistoryJson.REASON, night.reason());
    }
    if (!night.busyRounds().isEmpty()) {
      ArrayNode busy = o.putArray(HistoryJson.BUSY_ROUNDS);
      night.busyRounds().forEach(busy::add);
    }
    if (!night.rows().isEmpty()) {
      ObjectNode rows = o.putObject(HistoryJson.ROWS);
      night.rows().forEach((label, v) -> {
        ObjectNode row = rows.putObject(label);
        row.put(HistoryJson.UNIT, v.unit());
        ArrayNode base = row.putArray(HistoryJson.BASELINE);
        for (double x : v.baseline()) {
          base.add(x);
        }
        ArrayNode cand = row.putArray(HistoryJson.CANDIDATE);
        for (double x : v.candidate()) {
          cand.add(x);
        }
      });
    }
    return o.toString();
  }

  private static Night night(int line, String text) throws BadField {
    JsonNode o;
    try {
      o = MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadField("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (o == null || !o.isObject()) {
      throw new BadField("not a JSON object");
    }
    String date = text(o, HistoryJson.DATE, "the night's UTC date, e.g. 2026-12-03T03:00:00Z");
    String baseline = sha(o, HistoryJson.BASELINE);
    String candidate = sha(o, HistoryJson.CANDIDATE);
    String verdict = text(o, HistoryJson.VERDICT, "one of PASS, ACCEPT, HOLD, REGRESSION");
    Night.Kind kind;
    try {
      kind = Night.Kind.valueOf(verdict.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadField("field '" + HistoryJson.VERDICT + "': " + verdict + " is none of PASS, ACCEPT, HOLD, REGRESSION");
    }
    JsonNode reason = o.get(HistoryJson.REASON);
    List<Integer> busy = new ArrayList<>();
    JsonNode busyNode = o.get(HistoryJson.BUSY_ROUNDS);
    if (busyNode != null) {
      if (!busyNode.isArray()) {
        throw new BadField("field '" + HistoryJson.BUSY_ROUNDS + "': expected an array of round numbers");
      }
      busyNode.forEach(n -> busy.add(n.asInt()));
    }
    Map<String, Night.Values> rows = new LinkedHashMap<>();
    JsonNode rowsNode = o.get(HistoryJson.ROWS);
    if (rowsNode != null) {
      if (!rowsNode.isObject()) {
        throw new BadField("field '" + HistoryJson.ROWS + "': expected an object of row label -> {"
            + HistoryJson.UNIT + ", " + HistoryJson.BASELINE + ", " + HistoryJson.CANDIDATE + "}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = rowsNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> row = it.next();
        String field = HistoryJson.ROWS + "." + row.getKey();
        if (!row.getValue().isObject()) {
          throw new BadField("field '" + field + "': expected an object {" + HistoryJson.UNIT + ", "
              + HistoryJson.BASELINE + ", " + HistoryJson.CANDIDATE + "}");
        }
        rows.put(row.getKey(), new Night.Values(
            text(row.getValue(), HistoryJson.UNIT, "the values' unit, e.g. us/op", field + "."),
            values(row.getValue(), HistoryJson.BASELINE, field),
            values(row.getValue(), HistoryJson.CANDIDATE, field)));
      }
    }
    return new Night(line, date, baseline, candidate, kind, reason == null || reason.isNull() ? null : reason.asText(),
        rows, List.copyOf(busy));
  }

  private static String text(JsonNode o, String name, String what) throws BadField {
    return text(o, name, what, "");
  }

  private static String text(JsonNode o, String name, String what, String prefix) throws BadField {
    JsonNode v = o.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new BadField("field '" + prefix + name + "' is " + (v == null ? "missing" : v.toString()) + ": give " + what);
    }
    return v.asText();
  }

  private static String sha(JsonNode o, String name) throws BadField {
    String sha = text(o, name, "the revision's git sha");
    if (!SHA.matcher(sha).matches()) {
      throw new BadField("field '" + name + "': " + sha + " is not a git sha (7 to 40 lower-case hex digits)");
    }
    return sha;
  }

  private static double[] values(JsonNode row, String side, String field) throws BadField {
    JsonNode v = row.get(side);
    if (v == null) {
      return new double[0]; // a row that one side did not measure
    }
    String where = "field '" + field + "." + side + "'";
    if (!v.isArray()) {
      throw new BadField(where + ": expected an array of per-round values > 0, got " + v);
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < v.size(); i++) {
      JsonNode x = v.get(i);
      if (!x.isNumber() || !(x.asDouble() > 0) || Double.isInfinite(x.asDouble())) {
        throw new BadField(where + ": value " + (i + 1) + " is " + x + ", not a number > 0");
      }
      out[i] = x.asDouble();
    }
    return out;
  }

  private static final class BadField extends Exception {
    BadField(String message) {
      super(message, null, false, false);
    }
  }
}

package netcalls.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** InfluxQL over InfluxDB 1.x's HTTP /query API, as Grafana's data source sends it (GET, one statement). */
final class InfluxQl {
  /** One series of a result: its name, tags and rows (column 0 is time for SELECTs). */
  record Series(String name, JsonNode tags, List<String> columns, JsonNode values) {
    /** Whether any row has a value other than null outside the time column. */
    boolean hasValue() {
      int first = !columns.isEmpty() && columns.get(0).equals("time") ? 1 : 0;
      for (JsonNode row : values) {
        for (int i = first; i < row.size(); i++) {
          if (!row.get(i).isNull()) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** InfluxDB refused the query (a parse error, an unknown function...): its own message. */
  static final class QueryError extends Exception {
    QueryError(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String database;

  InfluxQl(String url, String database) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.database = database;
  }

  List<Series> query(String q) throws IOException, InterruptedException, QueryError {
    URI uri = URI.create(url + "/query?epoch=ms&db=" + enc(database) + "&q=" + enc(q));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode root = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
    if (root.has("error")) {
      throw new QueryError("HTTP " + r.statusCode() + ": " + root.path("error").asText());
    }
    if (r.statusCode() != 200) {
      throw new QueryError("HTTP " + r.statusCode() + ": " + r.body());
    }
    List<Series> out = new ArrayList<>();
    for (JsonNode result : root.path("results")) {
      if (result.has("error")) {
        throw new QueryError(result.path("error").asText());
      }
      for (JsonNode s : result.path("series")) {
        List<String> columns = new ArrayList<>();
        s.path("columns").forEach(c -> columns.add(c.asText()));
        out.add(new Series(s.path("name").asText(), s.path("tags"), columns, s.path("values")));
      }
    }
    return out;
  }

  /** Writes line protocol as the exporter would (POST /write, nanosecond precision); fails on anything but 204. */
  void write(String lines) throws IOException, InterruptedException {
    URI uri = URI.create(url + "/write?precision=ns&db=" + enc(database));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      throw new IOException("write to " + uri + ": HTTP " + r.statusCode() + ": " + r.body());
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package netcalls.export.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netcalls.read.Json;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * InfluxDB 1.x's HTTP API as it answers: {@code /write} and {@code /query} with their status codes and the
 * server's error text, whole. The status code is what tells a final answer (401, 403, 404) from one worth
 * retrying (5xx), which a client library's exception text does not do reliably.
 */
final class InfluxHttp implements Closeable {
  /** A server's answer: the HTTP status, the {@code error} it gave (null when none), the JSON body (queries). */
  record Answer(int code, String error, JsonNode body) {
    boolean ok() {
      return code / 100 == 2 && error == null;
    }
  }

  private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

  private final InfluxTarget target;
  private final HttpUrl base;
  private final OkHttpClient http;

  InfluxHttp(InfluxTarget target) {
    this.target = target;
    this.base = HttpUrl.get(target.url());
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Math.min(5000, target.requestTimeoutMillis()), TimeUnit.MILLISECONDS)
        // a read timeout restarts with every byte: only a deadline for the whole call bounds a trickling server,
        // and it bounds every read and write too
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(target.requestTimeoutMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false) // retries are the sink's, counted and paced
        .build();
  }

  /** POST /write of the lines, precision ns; throws only when no answer came (unreachable, timed out). */
  Answer write(List<String> lines) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String l : lines) {
      body.append(l).append('\n');
    }
    HttpUrl url = url("write").addQueryParameter("db", target.database()).addQueryParameter("precision", "ns").build();
    return call(new Request.Builder().url(url).post(RequestBody.create(body.toString(), TEXT)));
  }

  /** One InfluxQL statement (POST, so statements that change something are allowed). */
  Answer query(String statement) throws IOException {
    HttpUrl url = url("query").addQueryParameter("db", target.database()).addQueryParameter("epoch", "ns").build();
    Answer a = call(new Request.Builder().url(url).post(new FormBody.Builder().add("q", statement).build()));
    if (a.ok() && (a.body() == null || !a.body().path("results").isArray())) {
      // not what InfluxQL promises (200 with {"results": [...]}): say what came back, never guess on
      return new Answer(a.code(), url("query").build() + " answered HTTP " + a.code() + " with "
          + (a.body() == null ? "no JSON body" : "JSON without \"results\"") + ", where InfluxDB answers 200 with"
          + " InfluxQL results: is this InfluxDB 1.x or its 1.x-compatible API (a store without InfluxQL needs"
          + " --write-only)?", null);
    }
    if (a.error() == null && a.body() != null) {
      // a statement's own error comes with 200, inside results[0]
      String inner = a.body().path("results").path(0).path("error").asText(null);
      if (inner != null) {
        return new Answer(a.code(), inner, a.body());
      }
    }
    return a;
  }

  /** {@code SELECT count(key)} of a measurement's points matching {@code where}; the error's text when it fails. */
  long count(String keyField, String measurement, String where) throws IOException {
    Answer a = query("SELECT count(" + InfluxAnswers.quoteIdent(keyField) + ") FROM " + InfluxAnswers.quoteIdent(measurement)
        + " WHERE " + where);
    if (!a.ok()) {
      throw new IOException(a.error());
    }
    JsonNode v = a.body().path("results").path(0).path("series").path(0).path("values").path(0).path(1);
    return v.isNumber() ? v.asLong() : 0;
  }

  private HttpUrl.Builder url(String endpoint) {
    HttpUrl.Builder b = base.newBuilder();
    // keep a path prefix (behind a proxy), drop a trailing slash
    List<String> segments = base.pathSegments();
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      b.removePathSegment(segments.size() - 1);
    }
    return b.addPathSegment(endpoint);
  }

  private Answer call(Request.Builder r) throws IOException {
    if (target.token() != null) {
      r.header("Authorization", "Token " + target.token()); // InfluxDB 2.x/3.x's 1.x-compatible API
    } else if (target.user() != null) {
      r.header("Authorization", Credentials.basic(target.user(), target.password() == null ? "" : target.password(),
          StandardCharsets.UTF_8));
    }
    try (Response response = http.newCall(r.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      JsonNode json = null;
      try {
        json = text.isBlank() ? null : Json.MAPPER.readTree(text);
      } catch (IOException e) {
        // a proxy's HTML page: the text is the reason
      }
      // 1.x says {"error": ...}; 2.x {"code": ..., "message": ...}
      String error = json != null && json.hasNonNull("error") ? json.get("error").asText()
          : json != null && json.hasNonNull("message") ? json.get("message").asText() : null;
      if (error == null && response.code() / 100 != 2) {
        error = text.isBlank() ? response.message() : text.strip();
      }
      return new Answer(response.code(), error, json);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

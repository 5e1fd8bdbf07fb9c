package netcalls.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the report together as one HTML file: the page template, its style and script, the chart library read
 * off the classpath (a WebJar) and the data as one JSON block, each inlined, so the file opens from
 * {@code file://} without a network.
 */
final class Page {
  /** The WebJar's minified build; its version is the pom's {@code echarts.version}. */
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String DIR = "netcalls/report/";
  private static final Pattern END_SCRIPT = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private Page() {}

  static String render(JsonNode data) throws IOException {
    String errors = script(resource(DIR + "errors.js"));
    String echarts = script(resource(ECHARTS));
    String app = script(resource(DIR + "report.js"));
    // markers in template order, each searched after the text put before it: no inlined text is read as one
    return fill(resource(DIR + "report.html"),
        "@CSP@", csp(errors, echarts, app),
        "@TITLE@", text(data.path("run").path("id").asText("")),
        "/*@ERRORS@*/", errors,
        "/*@CSS@*/", resource(DIR + "report.css"),
        "@DATA@", json(data),
        "/*@ECHARTS@*/", echarts,
        "/*@APP@*/", app);
  }

  /**
   * The page's Content-Security-Policy: nothing loaded from anywhere, and only these inline scripts run, named by
   * their SHA-256 (so an event handler attribute or a script element that a value smuggled in is refused).
   */
  static String csp(String... inlineScripts) {
    StringBuilder hashes = new StringBuilder();
    for (String s : inlineScripts) {
      hashes.append(" 'sha256-").append(sha256(s)).append('\'');
    }
    return "default-src 'none'; script-src" + hashes + "; style-src 'unsafe-inline'; img-src data: blob:;"
        + " base-uri 'none'; form-action 'none'";
  }

  private static String sha256(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getEncoder().encodeToString(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  /**
   * JSON safe inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} only occur
   * inside JSON strings, where their \\u escapes mean the same, so no value can close the element or open a
   * comment; U+2028/U+2029 are escaped too.
   */
  static String json(JsonNode data) throws JsonProcessingException {
    String s = ReportData.JSON.writeValueAsString(data);
    StringBuilder out = new StringBuilder(s.length() + 64);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': out.append("\\u003c"); break;
        case '>': out.append("\\u003e"); break;
        case '&': out.append("\\u0026"); break;
        case '\u2028': out.append("\\u2028"); break;
        case '\u2029': out.append("\\u2029"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  /** Script text that cannot end its element early. */
  static String script(String js) {
    return END_SCRIPT.matcher(js).replaceAll(Matcher.quoteReplacement("<\\/") + "$1");
  }

  /** Text for an HTML element or attribute. */
  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String fill(String template, String... markerThenValue) {
    StringBuilder out = new StringBuilder(template.length() + (1 << 20));
    int from = 0;
    for (int i = 0; i < markerThenValue.length; i += 2) {
      int at = template.indexOf(markerThenValue[i], from);
      if (at < 0) {
        throw new IllegalStateException("report template lacks " + markerThenValue[i]);
      }
      out.append(template, from, at).append(markerThenValue[i + 1]);
      from = at + markerThenValue[i].length();
    }
    return out.append(template, from, template.length()).toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Page.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is not on the classpath: rebuild the jar (mvn package)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package netcalls.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's own requests ({@code --url}, {@code --pair}) and headers ({@code --header}), checked,
 * and how they reach a fork: a private file whose path is a fork property. Never {@code -D}
 * values, which JMH prints with the fork's VM options: a URL's query or a header's token would end
 * up on the console and in logs.
 *
 * @param urls    what {@code RequestLatency} requests, one label each
 * @param pair    the two legs of {@code PairedLatency}, or empty
 * @param headers sent by every client on every request (values never printed)
 */
public record UserRequests(List<NamedUrl> urls, List<NamedUrl> pair, List<Header> headers) {
  /** The {@code endpoint} parameter value of the built-in paths. */
  public static final String BUILTIN = "builtin";
  /** Joins the two labels of a pair in one {@code endpoint} value (JMH splits values at commas). */
  public static final String PAIR_JOIN = "+";

  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  /** Headers netcalls sets itself, the same for every client: a user's value would make them differ. */
  private static final Set<String> RESERVED = Set.of("host", "connection", "content-length", "transfer-encoding",
      "accept-encoding", "te", "upgrade", "keep-alive");

  public UserRequests {
    urls = List.copyOf(urls);
    pair = List.copyOf(pair);
    headers = List.copyOf(headers);
  }

  public static UserRequests none() {
    return new UserRequests(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return urls.isEmpty() && pair.isEmpty() && headers.isEmpty();
  }

  /**
   * A URL the user names, with the label its samples carry (never the URL itself: a query string
   * or a path would make a tag per request, and may hold a secret).
   */
  public record NamedUrl(String label, URI uri) {
    public String scheme() {
      return uri.getScheme();
    }

    public int port() {
      return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** What may be printed or kept: label, scheme, host and port; no path, query or user info. */
    public String redacted() {
      return label + "=" + uri.getScheme() + "://" + uri.getHost() + ":" + port();
    }

    @Override
    public String toString() {
      return redacted();
    }
  }

  /** A request header; its value is never printed ({@link #toString()} redacts it). */
  public record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": <redacted>";
    }
  }

  /**
   * {@code [name=]URL} of {@code option}: http or https, a host, no user info; the label is the
   * name, else the host. Messages name the option and what to do.
   */
  public static NamedUrl parseUrl(String option, String value) {
    String label = null;
    String url = value.trim();
    int eq = url.indexOf('=');
    if (eq > 0 && !url.substring(0, eq).contains(":") && !url.substring(0, eq).contains("/")) {
      label = url.substring(0, eq);
      url = url.substring(eq + 1).trim();
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(option + " " + label + "=...: a name is 1 to 64 of A-Z a-z 0-9 . _ -");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(option + " " + (label == null ? "" : label + "=") + "...: not a URL ("
          + e.getReason() + "): give one such as https://www.python.org/");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(option + " " + where(label, uri) + ": scheme " + uri.getScheme()
          + " is not supported: give an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getPort() > 65535) {
      throw new IllegalArgumentException(option + " " + where(label, uri)
          + ": no host (or a bad port): give a URL such as https://www.python.org/");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(option + " " + where(label, uri) + ": user info in a URL is sent differently"
          + " by each client and would be printed: drop it and use --header 'Authorization: ...'");
    }
    if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
      uri = uri.resolve("/");
    }
    return new NamedUrl(label == null ? uri.getHost() : label, uri);
  }

  private static String where(String label, URI uri) {
    return (label == null ? "" : label + "=") + uri.getScheme() + "://" + uri.getHost();
  }

  /**
   * {@code Name: value}, the {@code n}th {@code --header} (1-based). A message never repeats the
   * value, which may be a token.
   */
  public static Header parseHeader(int n, String value) {
    int colon = value.indexOf(':');
    String name = colon < 0 ? "" : value.substring(0, colon).trim();
    if (colon <= 0 || !TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException("--header #" + n + " is malformed: give 'Name: value', e.g. --header 'Authorization: Bearer ...'");
    }
    String v = value.substring(colon + 1).trim();
    if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("--header " + name + ": the value has a line break: give one line");
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--header " + name + ": netcalls sets this header the same for every client"
          + " (no Accept-Encoding: bodies come unencoded): drop it");
    }
    return new Header(name, v);
  }

  /** Refuses two URLs with one label, and the reserved label {@value #BUILTIN}. */
  public static void checkLabels(String option, List<NamedUrl> urls) {
    Set<String> seen = new HashSet<>();
    for (NamedUrl u : urls) {
      if (u.label().equals(BUILTIN)) {
        throw new IllegalArgumentException(option + " " + BUILTIN + "=...: '" + BUILTIN + "' names the built-in paths:"
            + " choose another name");
      }
      if (!seen.add(u.label())) {
        throw new IllegalArgumentException(option + ": two URLs are labelled '" + u.label()
            + "': give each its own name, e.g. --url a=URL --url b=URL");
      }
    }
  }

  /** The URL of {@code label} among {@code --url}s and the pair's, else an error naming the label. */
  public NamedUrl url(String label) {
    for (NamedUrl u : urls) {
      if (u.label().equals(label)) {
        return u;
      }
    }
    for (NamedUrl u : pair) {
      if (u.label().equals(label)) {
        return u;
      }
    }
    throw new IllegalArgumentException("endpoint=" + label + ": no such --url label (the launcher sets endpoint; "
        + "known: " + labels() + ")");
  }

  private List<String> labels() {
    List<String> all = new ArrayList<>();
    urls.forEach(u -> all.add(u.label()));
    pair.forEach(u -> all.add(u.label()));
    return all;
  }

  /** The {@code endpoint} value of the pair: its two labels joined by {@value #PAIR_JOIN}. */
  public String pairEndpoint() {
    return pair.get(0).label() + PAIR_JOIN + pair.get(1).label();
  }

  /** Writes a file only its owner can read, outside any run folder; the caller deletes it after the run. */
  public Path writePrivate() throws IOException {
    Path file;
    try {
      file = Files.createTempFile("netcalls-requests", ".properties",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile("netcalls-requests", ".properties");
    }
    file.toFile().deleteOnExit();
    Properties p = new Properties();
    put(p, "url", urls);
    put(p, "pair", pair);
    for (int i = 0; i < headers.size(); i++) {
      p.setProperty("header." + i + ".name", headers.get(i).name());
      p.setProperty("header." + i + ".value", headers.get(i).value());
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "netcalls: requests of one run (deleted after it)");
    }
    return file;
  }

  private static void put(Properties p, String key, List<NamedUrl> list) {
    for (int i = 0; i < list.size(); i++) {
      p.setProperty(key + "." + i + ".label", list.get(i).label());
      p.setProperty(key + "." + i + ".uri", list.get(i).uri().toString());
    }
  }

  /** Reads what {@link #writePrivate()} wrote. */
  public static UserRequests read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " (the run's requests) cannot be read: " + e
          + ": run through the launcher (java -jar target/benchmarks.jar --url ...)");
    }
    List<Header> headers = new ArrayList<>();
    for (int i = 0; p.containsKey("header." + i + ".name"); i++) {
      headers.add(new Header(p.getProperty("header." + i + ".name"), p.getProperty("header." + i + ".value", "")));
    }
    return new UserRequests(get(p, "url"), get(p, "pair"), headers);
  }

  private static List<NamedUrl> get(Properties p, String key) {
    List<NamedUrl> list = new ArrayList<>();
    for (int i = 0; p.containsKey(key + "." + i + ".label"); i++) {
      list.add(new NamedUrl(p.getProperty(key + "." + i + ".label"), URI.create(p.getProperty(key + "." + i + ".uri"))));
    }
    return list;
  }
}

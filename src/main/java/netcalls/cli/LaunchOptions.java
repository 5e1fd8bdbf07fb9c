package netcalls.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.export.sink.TelegrafTarget;
import netcalls.run.ForkProperties;
import netcalls.run.UserRequests;

/**
 * netcalls' own launcher options, split from JMH's and checked before any work: a bad value stops
 * the run with a message that says what to do (the launcher exits 2), never after the benchmarks.
 */
final class LaunchOptions {
  static final List<String> WITH_VALUE = List.of("--target", "--trust", "--results", "--run-id", "--samples-cap",
      "--influx", "--live", "--server-delay-us", "--server-delay-only", "--warmup-cap-ms", "--jvm", "--profile");
  static final List<String> FLAGS = List.of("--no-export", "--replace");
  /** Options that may be given more than once. */
  static final List<String> REPEATED = List.of("--url", "--header");

  static final String USAGE = String.join("\n",
      "netcalls: java -jar target/benchmarks.jar [netcalls options] [JMH options] [benchmark regexps]",
      "  With no benchmark named, runs the default suite (RequestLatency, PairedLatency).",
      "  netcalls options:",
      "    --target URL      measure an external server (base URL, http:// or https://) instead of the built-in one",
      "    --trust FILE      PEM certificate to trust for an https --target, --url or --pair (default: the platform's)",
      "    --url [NAME=]URL  RequestLatency requests exactly this URL (repeatable); samples are labelled NAME, else the host",
      "    --pair [NAME=]URL_A [NAME=]URL_B  PairedLatency against these two URLs (the blog's python.org + mozilla.org pair)",
      "    --header 'K: V'   sent with every request by every client (repeatable); values are never printed or kept",
      "    --results DIR     where run folders go (default: results)",
      "    --run-id ID       name of the run folder (default: UTC start time, yyyyMMdd-HHmmss); an existing one is refused",
    "    --replace         delete an existing run folder of the same --run-id and run again",
      "    --samples-cap N   most samples kept per trial (default 1000000); more are counted as dropped",
      "    --server-delay-us N  the built-in server adds N µs of service time to every response (a known slowdown)",
      "    --server-delay-only K=V[,K=V]  the delay only for trials with these parameters (one row's slowdown)",
      "    --warmup-cap-ms N  longest warm-up at setup until a trial is steady (default 10000; 0: JMH's warmup only)",
      "    --jvm PATH        run the forks on this JDK (its home folder or bin/java), e.g. to compare two JDKs",
      "    --no-export       do not write points.lp after the run",
      "    --profile KIND[,KIND]  run every trial under async-profiler (cpu, alloc, wall, lock): flame graphs in profiles/",
      "    --influx URL      also write the run's points to InfluxDB 1.x (or set NETCALLS_INFLUX_URL)",
      "    --live URL        stream samples to a Telegraf socket_listener while the run goes on (udp:// or tcp://HOST:PORT)",
      "  Subcommands: serve, export RUN_DIR, summary RUN_DIR, compare BASE CAND",
      "");

  private final Map<String, String> own;
  private final Map<String, List<String>> repeated;
  private final List<String> pair;
  final List<String> jmhArgs;

  private LaunchOptions(Map<String, String> own, Map<String, List<String>> repeated, List<String> pair,
      List<String> jmhArgs) {
    this.own = own;
    this.repeated = repeated;
    this.pair = pair;
    this.jmhArgs = jmhArgs;
  }

  /** Splits netcalls' options from JMH's; throws when an option lacks its value. */
  static LaunchOptions split(String[] args) {
    Map<String, String> own = new LinkedHashMap<>();
    Map<String, List<String>> repeated = new LinkedHashMap<>();
    List<String> pair = new ArrayList<>();
    List<String> jmh = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (FLAGS.contains(a)) {
        own.put(a, "true");
      } else if (REPEATED.contains(a)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        repeated.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
      } else if (a.equals("--pair")) {
        if (!pair.isEmpty() || i + 2 >= args.length || args[i + 1].startsWith("-") || args[i + 2].startsWith("-")) {
          throw new IllegalArgumentException("--pair takes exactly two URLs, once: --pair [NAME=]URL_A [NAME=]URL_B");
        }
        pair.add(args[++i]);
        pair.add(args[++i]);
        if (i + 1 < args.length && args[i + 1].contains("://")) {
          throw new IllegalArgumentException("--pair takes exactly two URLs, once: --pair [NAME=]URL_A [NAME=]URL_B");
        }
      } else if (WITH_VALUE.contains(a)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        own.put(a, args[++i]);
      } else {
        jmh.add(a);
      }
    }
    return new LaunchOptions(own, repeated, pair, jmh);
  }

  /**
   * The {@code --url}, {@code --pair} and {@code --header} values, checked together: each URL
   * valid and labelled once, a pair of one scheme, headers well formed, no {@code --target}
   * beside them. Empty when none is given.
   */
  UserRequests userRequests() {
    List<UserRequests.NamedUrl> urls = new ArrayList<>();
    for (String u : repeated.getOrDefault("--url", List.of())) {
      urls.add(UserRequests.parseUrl("--url", u));
    }
    List<UserRequests.NamedUrl> pairUrls = new ArrayList<>();
    for (String u : pair) {
      pairUrls.add(UserRequests.parseUrl("--pair", u));
    }
    List<UserRequests.Header> headers = new ArrayList<>();
    List<String> given = repeated.getOrDefault("--header", List.of());
    for (int i = 0; i < given.size(); i++) {
      headers.add(UserRequests.parseHeader(i + 1, given.get(i)));
    }
    String option = !urls.isEmpty() ? "--url" : "--pair";
    if (!urls.isEmpty() && !pairUrls.isEmpty()) {
      throw new IllegalArgumentException("--url and --pair run different benchmarks: give them in two runs");
    }
    if ((!urls.isEmpty() || !pairUrls.isEmpty()) && target() != null) {
      throw new IllegalArgumentException(option + " names the whole URL, --target only a base for the built-in paths:"
          + " drop one of them");
    }
    UserRequests.checkLabels(option, urls.isEmpty() ? pairUrls : urls);
    if (pairUrls.size() == 2 && !pairUrls.get(0).scheme().equals(pairUrls.get(1).scheme())) {
      throw new IllegalArgumentException("--pair " + pairUrls.get(0) + " " + pairUrls.get(1)
          + ": give two URLs of one scheme (a pair runs under one scheme)");
    }
    return new UserRequests(urls, pairUrls, headers);
  }

  /**
   * The command line as it may be kept (run.json): each {@code --url}/{@code --pair} URL cut to
   * label, scheme, host and port, each {@code --header} to its name.
   */
  static List<String> redacted(String[] args) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      kept.add(a);
      int values = REPEATED.contains(a) ? 1 : a.equals("--pair") ? 2 : 0;
      for (int v = 0; v < values && i + 1 < args.length; v++) {
        String value = args[++i];
        kept.add(redact(a, value));
      }
    }
    return kept;
  }

  private static String redact(String option, String value) {
    if (option.equals("--header")) {
      int colon = value.indexOf(':');
      return (colon > 0 ? value.substring(0, colon).trim() : "?") + ": <redacted>";
    }
    try {
      return UserRequests.parseUrl(option, value).redacted();
    } catch (IllegalArgumentException e) {
      return "<redacted>";
    }
  }

  /** True when the run measures the user's URLs rather than the built-in paths. */
  boolean userUrls() {
    return repeated.containsKey("--url") || !pair.isEmpty();
  }

  /** {@code --replace}: an existing run folder of the same id may be deleted and run again. */
  boolean replace() {
    return own.containsKey("--replace");
  }

  /** {@code --profile KIND[,KIND...]}, or null: checked by {@link Profiling}. */
  String profile() {
    return own.get("--profile");
  }

  boolean export() {
    return !own.containsKey("--no-export");
  }

  /** {@code --target}, refused with credentials in it before anything can print or keep it. */
  String target() {
    String t = own.get("--target");
    netcalls.run.UrlCredentials.refuse("--target", t,
        "a server that needs credentials is measured with --url and --header 'Authorization: ...'");
    return t;
  }

  /** The InfluxDB URL of {@code --influx} or else {@code NETCALLS_INFLUX_URL}, checked; null when neither is set. */
  String influx() {
    String url = own.get("--influx");
    String option = "--influx";
    if (url == null) {
      url = System.getenv("NETCALLS_INFLUX_URL");
      option = "NETCALLS_INFLUX_URL";
    }
    if (url == null || url.isBlank()) {
      return null;
    }
    checkUrl(option, url, List.of("http", "https"), "http://127.0.0.1:8086");
    return url;
  }

  /** The java of {@code --jvm}, checked; null when not given. JMH's own -jvm beside it is refused. */
  Path jvm() {
    String v = own.get("--jvm");
    if (v == null) {
      return null;
    }
    if (jmhArgs.contains("-jvm")) {
      throw new IllegalArgumentException("--jvm and JMH's -jvm both given: keep one");
    }
    return ForkJdk.resolve(v);
  }

  Path results() {
    return Path.of(own.getOrDefault("--results", "results"));
  }

  String runId(Instant start) {
    String id = own.getOrDefault("--run-id",
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(start));
    if (id.isBlank() || id.contains("/") || id.contains("\\") || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("--run-id '" + id + "': give a folder name, without / or \\");
    }
    if (id.contains(",")) {
      // compare takes a side's runs as a comma-separated list: such a run could never be compared
      throw new IllegalArgumentException("--run-id '" + id + "': a run id cannot hold a comma (compare separates"
          + " runs with commas); use '-' or '_' instead");
    }
    return id;
  }

  /**
   * What every fork is told; checks each value (and that an external target or URL answers). The
   * user's requests go to a private file ({@link UserRequests#writePrivate()}); the caller deletes
   * {@link ForkProperties#requests()} after the run.
   */
  ForkProperties forkProperties(Path runDir) {
    ForkProperties fork = ForkProperties.defaults().withRunDir(runDir);
    String target = target();
    if (target != null) {
      checkReachable(target);
      fork = fork.withTarget(target, null);
    }
    UserRequests requests = userRequests();
    for (UserRequests.NamedUrl u : requests.urls()) {
      checkReachable(u);
    }
    for (UserRequests.NamedUrl u : requests.pair()) {
      checkReachable(u);
    }
    if (!requests.isEmpty()) {
      try {
        fork = fork.withRequests(requests.writePrivate());
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot write the run's requests to a temporary file (" + e
            + "): free space in " + System.getProperty("java.io.tmpdir"));
      }
    }
    if (own.containsKey("--trust")) {
      Path trust = Path.of(own.get("--trust")).toAbsolutePath();
      if (!Files.isReadable(trust)) {
        throw new IllegalArgumentException("--trust " + trust + " cannot be read: give a PEM certificate file");
      }
      fork = fork.withTarget(fork.target(), trust);
    }
    if (own.containsKey("--samples-cap")) {
      fork = fork.withSamplesCap((int) whole("--samples-cap", Integer.MAX_VALUE));
    }
    if (own.containsKey("--warmup-cap-ms")) {
      fork = fork.withWarmupCapMillis(whole("--warmup-cap-ms", 3_600_000));
    }
    if (own.containsKey("--server-delay-us")) {
      if (target != null || userUrls()) {
        throw new IllegalArgumentException("--server-delay-us slows the built-in server: drop it or drop "
            + (target != null ? "--target" : "--url/--pair"));
      }
      fork = fork.withServerDelayMicros(whole("--server-delay-us", 10_000_000));
    }
    if (own.containsKey("--server-delay-only")) {
      if (!own.containsKey("--server-delay-us")) {
        throw new IllegalArgumentException("--server-delay-only needs --server-delay-us N: the delay it narrows");
      }
      String only = own.get("--server-delay-only");
      if (!only.matches("[^=,]+=[^,]+(,[^=,]+=[^,]+)*")) {
        throw new IllegalArgumentException("--server-delay-only " + only + ": give k=v pairs of -p parameters,"
            + " e.g. client=okhttp,strategy=reuse");
      }
      fork = fork.withServerDelayOnly(only);
    }
    if (own.containsKey("--live")) {
      String live = own.get("--live");
      if (checkUrl("--live", live, List.of("udp", "tcp"), "udp://127.0.0.1:8094").getPort() < 0) {
        throw new IllegalArgumentException("--live " + live + ": give the listener's port, e.g. udp://127.0.0.1:8094");
      }
      TelegrafTarget.parse(live);
      fork = fork.withLive(live);
    }
    return fork;
  }

  private long whole(String option, long max) {
    String value = own.get(option);
    try {
      long v = Long.parseLong(value.trim());
      if (v < 0 || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + value + ": give a whole number from 0 to " + max);
    }
  }

  /** A URL with one of {@code schemes}, a host and a valid port, or a message naming the option and an example. */
  static URI checkUrl(String option, String url, List<String> schemes, String example) {
    netcalls.run.UrlCredentials.refuse(option, url, option.equals("--target")
        ? "a server that needs credentials is measured with --url and --header 'Authorization: ...'"
        : option.contains("INFLUX") || option.equals("--influx") ? "give them in INFLUX_USER and INFLUX_PASSWORD"
        : "the listener takes none");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(option + " " + url + " is not a URL (" + e.getReason() + "): give one such as " + example);
    }
    if (!schemes.contains(uri.getScheme()) || uri.getHost() == null || uri.getPort() > 65535) {
      throw new IllegalArgumentException(option + " " + url + ": give a URL such as " + example);
    }
    return uri;
  }

  /** The URL's host and port take a TCP connection; the message names its label and host only. */
  static void checkReachable(UserRequests.NamedUrl u) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.uri().getHost(), u.port()), 3000);
    } catch (IOException e) {
      throw new IllegalArgumentException("--url " + u.redacted() + " is unreachable (" + e.getMessage()
          + "): check the host, the port and your network");
    }
  }

  static URI checkReachable(String target) {
    URI uri = checkUrl("--target", target, List.of("http", "https"), "http://127.0.0.1:8080");
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), port), 3000);
    } catch (IOException e) {
      throw new IllegalArgumentException("--target " + target + " is unreachable (" + e.getMessage()
          + "): start the server (e.g. java -jar target/benchmarks.jar serve) or fix the URL");
    }
    return uri;
  }
}

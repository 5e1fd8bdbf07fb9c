package netcalls.server;

/** The endpoints, matched on the path alone (the query string is stripped before). */
enum Route {
  BYTES("/bytes/", true),
  DELAY("/delay/", true),
  STATUS("/status/", true),
  REDIRECT("/redirect/", true),
  ABORT("/abort", false),
  RESET("/reset", false),
  STATS("/stats", false),
  NOT_FOUND("", false);

  final String prefix;
  private final boolean takesArgument;

  Route(String prefix, boolean takesArgument) {
    this.prefix = prefix;
    this.takesArgument = takesArgument;
  }

  private static final Route[] VALUES = {BYTES, DELAY, STATUS, REDIRECT, ABORT, RESET, STATS};

  static Route of(String path) {
    // /bytes/ first: it is the path the latency benchmarks hit
    for (Route route : VALUES) {
      if (route.takesArgument ? path.startsWith(route.prefix) : path.equals(route.prefix)) {
        return route;
      }
    }
    return NOT_FOUND;
  }
}

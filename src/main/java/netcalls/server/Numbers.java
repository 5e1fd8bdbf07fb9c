package netcalls.server;

/** Parses the numbers in paths and queries without exceptions or boxing. */
final class Numbers {
  private Numbers() {}

  /** The decimal in {@code text} if it is only ASCII digits and at most {@code max}, otherwise -1. */
  static long parse(String text, long max) {
    int length = text.length();
    if (length == 0 || length > 18) { // 18 digits cannot overflow a long
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }
}

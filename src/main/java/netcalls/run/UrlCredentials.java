package netcalls.run;

import java.util.regex.Pattern;

/**
 * Credentials in a URL option ({@code scheme://user:password@host}) are refused, in one place for every option
 * that takes a URL: kept, they would reach run.json, jmh.json (the forks' properties), the log, points.lp, InfluxDB
 * and report.html. The refusal never repeats them.
 */
public final class UrlCredentials {
  // scheme://, then an authority holding an @ before any / ? #
  private static final Pattern USER_INFO = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)@");

  private UrlCredentials() {}

  /**
   * Throws when {@code url} holds user info, naming {@code option} and the URL without it, and saying where the
   * credentials go instead ({@code instead}).
   */
  public static void refuse(String option, String url, String instead) {
    if (url != null && USER_INFO.matcher(url).find()) {
      throw new IllegalArgumentException(option + " " + withoutUserInfo(url) + ": a user name or password in the URL"
          + " would be stored and printed (run.json, jmh.json, the log, the export): drop the user:password@ part; "
          + instead);
    }
  }

  /** The URL with any user info cut out, for messages. */
  public static String withoutUserInfo(String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1");
  }
}

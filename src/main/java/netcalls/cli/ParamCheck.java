package netcalls.cli;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import netcalls.client.ClientKind;
import netcalls.client.Protocol;
import netcalls.run.Scenario;
import org.openjdk.jmh.util.Optional;

/** Checks the values of the parameters netcalls owns before any fork starts. Pure. */
final class ParamCheck {
  private ParamCheck() {}

  static void validate(Function<String, Optional<Collection<String>>> param) {
    param.apply("client").orElse(List.of()).forEach(ClientKind::parse);
    param.apply("strategy").orElse(List.of()).forEach(RunPlan::parseStrategy);
    param.apply("protocol").orElse(List.of()).forEach(Protocol::parse);
    param.apply("scenario").orElse(List.of()).forEach(Scenario::parse);
    oneOf("scheme", param.apply("scheme").orElse(List.of()), List.of("http", "https"));
    oneOf("trace", param.apply("trace").orElse(List.of()), List.of("on", "off"));
    openLoop(param);
  }

  /** OpenLoopLatency's parameters (docs/OPENLOOP.md), checked here so a bad value stops the run before any fork. */
  static void openLoop(Function<String, Optional<Collection<String>>> param) {
    for (String v : param.apply("rate").orElse(List.of())) {
      positive("rate", v, "requests per second above 0, e.g. 200 or 0.5");
    }
    for (String v : param.apply("seconds").orElse(List.of())) {
      positive("seconds", v, "a schedule length in seconds above 0, e.g. 3");
    }
    for (String v : param.apply("timeoutMs").orElse(List.of())) {
      long ms = whole("timeoutMs", v, "a timeout in whole ms of 1 or more, e.g. 2000");
      if (ms < 1) {
        throw new IllegalArgumentException("-p timeoutMs=" + v + ": give a timeout in whole ms of 1 or more, e.g. 2000");
      }
    }
    for (String v : param.apply("connections").orElse(List.of())) {
      long n = whole("connections", v, "0 (the library's default) or a whole number of connections per host");
      if (n < 0 || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("-p connections=" + v + ": give 0 (the library's default) or a whole"
            + " number of connections per host");
      }
    }
    for (String v : param.apply("errorBudget").orElse(List.of())) {
      double d = number("errorBudget", v, "a percent from 0 to 100, e.g. 1");
      if (!(d >= 0 && d <= 100)) {
        throw new IllegalArgumentException("-p errorBudget=" + v + ": give a percent from 0 to 100, e.g. 1");
      }
    }
  }

  private static void positive(String key, String v, String what) {
    double d = number(key, v, what);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("-p " + key + "=" + v + ": give " + what);
    }
  }

  private static double number(String key, String v, String what) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-p " + key + "=" + v + ": not a number; give " + what);
    }
  }

  private static long whole(String key, String v, String what) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-p " + key + "=" + v + ": not a whole number; give " + what);
    }
  }

  /**
   * {@code endpoint} is the launcher's to set (from {@code --url} or {@code --pair}); with them,
   * the parameters that shape built-in requests do not apply and are refused, never ignored.
   */
  static void userUrls(Function<String, Optional<Collection<String>>> param, boolean urls, boolean pair) {
    if (param.apply("endpoint").hasValue()) {
      throw new IllegalArgumentException("-p endpoint is set by the launcher: drop it and give --url [NAME=]URL"
          + " or --pair URL_A URL_B");
    }
    if (!urls && !pair) {
      return;
    }
    String option = urls ? "--url" : "--pair";
    for (String key : urls ? List.of("scheme", "size") : List.of("scheme", "delays", "hosts")) {
      if (param.apply(key).hasValue()) {
        throw new IllegalArgumentException("-p " + key + " does not apply with " + option
            + " (the URLs decide their scheme, body, delay and host): drop -p " + key);
      }
    }
  }

  /**
   * JMH splits {@code -p delays=50,75} into two values; a single number is no pair of delays, so
   * two bare numbers mean the pair {@code 50:75}, as a user of the blog's scenario would expect.
   * Returns the pair, or null when the values are already pairs.
   */
  static List<String> delaysPair(Collection<String> values) {
    if (values.size() == 2 && values.stream().allMatch(v -> v.trim().matches("\\d+"))) {
      return List.of(String.join(":", values).replace(" ", ""));
    }
    for (String v : values) {
      if (!v.trim().matches("\\d+\\s*:\\s*\\d+")) {
        throw new IllegalArgumentException("-p delays=" + v + ": give two delays in ms, as 50,75 or 50:75 (several: 50:75,10:20)");
      }
    }
    return null;
  }

  /**
   * With {@code --target}, the scheme is the target's: a {@code -p scheme} that agrees is accepted,
   * one that names another scheme is refused.
   */
  static void schemeAgrees(String target, String targetScheme, Collection<String> given) {
    for (String s : given) {
      if (!s.equals(targetScheme)) {
        throw new IllegalArgumentException("--target " + target + " is " + targetScheme + " but -p scheme="
            + String.join(",", given) + " was given: drop -p scheme or give -p scheme=" + targetScheme);
      }
    }
  }

  private static void oneOf(String key, Collection<String> given, List<String> allowed) {
    for (String v : given) {
      if (!allowed.contains(v)) {
        throw new IllegalArgumentException("-p " + key + "=" + v + ": use one of " + allowed);
      }
    }
  }
}

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

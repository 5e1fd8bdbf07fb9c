package netcalls.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The combinations tests run, listed from the enums and {@link Combinations}' one rule, so a new
 * client, strategy or protocol changes no test.
 */
public final class Combos {
  private Combos() {}

  public static final List<String> SCHEMES = List.of("http", "https");

  /** (client, strategy) the client does itself, over HTTP/1.1. */
  public static Stream<Arguments> clientStrategies() {
    return pairs(c -> s -> Combinations.of(c, s) == null);
  }

  /** (client, strategy) the client refuses. */
  public static Stream<Arguments> refusedStrategies() {
    return pairs(c -> s -> Combinations.of(c, s) != null);
  }

  /** (client, strategy, scheme) over HTTP/1.1, both schemes, for clients {@code which} keeps. */
  public static Stream<Arguments> clientStrategySchemes(Predicate<ClientKind> which) {
    List<Arguments> all = new ArrayList<>();
    clientStrategies().filter(a -> which.test((ClientKind) a.get()[0]))
        .forEach(a -> SCHEMES.forEach(scheme -> all.add(Arguments.of(a.get()[0], a.get()[1], scheme))));
    return all.stream();
  }

  /** (client, protocol) the client speaks ({@code spoken}) or refuses. */
  public static Stream<Arguments> clientProtocols(boolean spoken) {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Protocol p : Protocol.values()) {
        if ((Combinations.of(c, p) == null) == spoken) {
          all.add(Arguments.of(c, p));
        }
      }
    }
    return all.stream();
  }

  /** (client, protocol, scheme) that can run: the client speaks the protocol, the protocol fits the scheme. */
  public static Stream<Arguments> clientProtocolSchemes() {
    List<Arguments> all = new ArrayList<>();
    clientProtocols(true).forEach(a -> {
      for (String scheme : SCHEMES) {
        if (Combinations.of((Protocol) a.get()[1], scheme) == null) {
          all.add(Arguments.of(a.get()[0], a.get()[1], scheme));
        }
      }
    });
    return all.stream();
  }

  /** "client protocol strategy scheme" for every combination that runs. */
  public static List<String> runnable() {
    List<String> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Protocol p : Protocol.values()) {
        for (Strategy s : Strategy.values()) {
          for (String scheme : SCHEMES) {
            if (Combinations.supported(c, s, p) && Combinations.of(p, scheme) == null) {
              all.add(c + " " + p + " " + s + " " + scheme);
            }
          }
        }
      }
    }
    return all;
  }

  private static Stream<Arguments> pairs(java.util.function.Function<ClientKind, Predicate<Strategy>> keep) {
    List<Arguments> all = new ArrayList<>();
    for (ClientKind c : ClientKind.values()) {
      for (Strategy s : Strategy.values()) {
        if (keep.apply(c).test(s)) {
          all.add(Arguments.of(c, s));
        }
      }
    }
    return all.stream();
  }
}

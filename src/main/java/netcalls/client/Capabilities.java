package netcalls.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import netcalls.run.Phase;

/**
 * What one client library can do and see, stated once in its adapter package and read without
 * building a client: the phases its hooks observe, whether they tell reuse, the strategies and
 * protocols it refuses (each with its reason) and whether it caps connections per host itself.
 * Which combinations run is decided from these by {@link Combinations}, never here.
 */
public record Capabilities(Set<Phase> phases, boolean seesReuse, Map<Strategy, String> refusedStrategies,
    Map<Protocol, String> refusedProtocols, boolean capsConnectionsPerHost) {

  public Capabilities {
    phases = Collections.unmodifiableSet(phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases));
    refusedStrategies = Collections.unmodifiableMap(copy(refusedStrategies, Strategy.class));
    refusedProtocols = Collections.unmodifiableMap(copy(refusedProtocols, Protocol.class));
  }

  /** A library that sees every phase and reuse, does every strategy, speaks every protocol and caps connections. */
  public static Capabilities full() {
    return new Capabilities(EnumSet.allOf(Phase.class), true, Map.of(), Map.of(), true);
  }

  /**
   * Only these phases are observed; the others are always absent from its samples (blank, never zero). The close
   * phase is timed by the harness around the library's own close, so every library has it.
   */
  public Capabilities seeing(Phase first, Phase... rest) {
    EnumSet<Phase> seen = EnumSet.of(first, rest);
    seen.add(Phase.CLOSE);
    return new Capabilities(seen, seesReuse, refusedStrategies, refusedProtocols, capsConnectionsPerHost);
  }

  /** Its hooks cannot tell a reused connection from a new one. */
  public Capabilities blindToReuse() {
    return new Capabilities(phases, false, refusedStrategies, refusedProtocols, capsConnectionsPerHost);
  }

  /** It cannot implement {@code strategy}, for this reason. */
  public Capabilities refusing(Strategy strategy, String why) {
    Map<Strategy, String> m = copy(refusedStrategies, Strategy.class);
    m.put(strategy, why);
    return new Capabilities(phases, seesReuse, m, refusedProtocols, capsConnectionsPerHost);
  }

  /** It cannot speak {@code protocol}, for this reason. */
  public Capabilities refusing(Protocol protocol, String why) {
    Map<Protocol, String> m = copy(refusedProtocols, Protocol.class);
    m.put(protocol, why);
    return new Capabilities(phases, seesReuse, refusedStrategies, m, capsConnectionsPerHost);
  }

  /**
   * It has no per-host connection limit: a caller that needs {@link ClientOptions#maxConnectionsPerHost()} must
   * hold it (a capped library makes requests beyond it wait inside itself).
   */
  public Capabilities uncapped() {
    return new Capabilities(phases, seesReuse, refusedStrategies, refusedProtocols, false);
  }

  private static <K extends Enum<K>> EnumMap<K, String> copy(Map<K, String> m, Class<K> type) {
    EnumMap<K, String> out = new EnumMap<>(type);
    out.putAll(m);
    return out;
  }
}

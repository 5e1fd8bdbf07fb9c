package netcalls.steady;

/**
 * How one fork's measured series behaved, after Barrett et al., "Virtual Machine Warmup Blows Hot and
 * Cold" (OOPSLA 2017): {@code flat} (no change that matters), {@code warmup} (it got faster, then
 * settled), {@code slowdown} (it got slower, then settled), {@code no_steady_state} (it was still
 * changing near the end), and netcalls' own {@code not_checked} (too few points to tell). Only the
 * first three have a steady segment; the others are shown and never gated.
 */
public enum Steadiness {
  flat, warmup, slowdown, no_steady_state, not_checked;

  /** True when the fork settled, so its steady segment may be measured and gated. */
  public boolean steady() {
    return this == flat || this == warmup || this == slowdown;
  }

  /** The label people read ("no steady state", "not checked"). */
  public String label() {
    return switch (this) {
      case no_steady_state -> "no steady state";
      case not_checked -> "not checked";
      default -> name();
    };
  }
}

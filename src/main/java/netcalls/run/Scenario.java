package netcalls.run;

import java.util.Arrays;

/**
 * The failure scenarios of {@code FailureLatency}, as a JMH {@code @Param}: how each call is made
 * to fail. Lower-case constants, because their names are the parameter values users type.
 */
public enum Scenario {
  /** The server answers 500; the status check fails the call. */
  status_500,
  /** Nothing listens on the port: the connect is refused. */
  refused,
  /** The host name does not resolve (a {@code .invalid} name). */
  unknown_host,
  /** The response takes longer than the read timeout. */
  read_timeout,
  /** The server resets the connection (TCP RST). */
  reset;

  /** Parses a name with an error that lists the valid ones. */
  public static Scenario parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-p scenario=" + name + ": use one of " + Arrays.toString(values()));
    }
  }
}

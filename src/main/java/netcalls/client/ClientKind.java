package netcalls.client;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import netcalls.client.ahc.AhcLibrary;
import netcalls.client.hc5.Hc5Library;
import netcalls.client.jdk.JdkLibrary;
import netcalls.client.jetty.JettyLibrary;
import netcalls.client.okhttp.OkHttpLibrary;
import netcalls.run.Phase;

/**
 * The client libraries under test, as a JMH {@code @Param}: {@code -p client=okhttp,jdk} narrows a
 * run. Adding a library is one constant here plus one adapter package.
 */
public enum ClientKind {
  /** OkHttp 5, blocking {@code execute()} and async {@code enqueue()}, traced by an EventListener. */
  okhttp {
    @Override
    ClientLibrary library(ClientOptions options) {
      return new OkHttpLibrary(options);
    }
  },
  /** AsyncHttpClient 3 (Netty), traced by its AsyncHandler callbacks. */
  ahc {
    @Override
    ClientLibrary library(ClientOptions options) {
      return new AhcLibrary(options);
    }

    @Override
    public String unsupported(Protocol protocol) {
      return protocol.isHttp2() ? AhcLibrary.NO_HTTP2 : null;
    }
  },
  /** The JDK's java.net.http.HttpClient; it has no event API, so only duration and receiving are traced. */
  jdk {
    @Override
    ClientLibrary library(ClientOptions options) {
      return new JdkLibrary(options);
    }

    @Override
    public Set<Phase> phases() {
      return EnumSet.of(Phase.RECEIVING);
    }

    @Override
    public boolean seesReuse() {
      return false;
    }

    @Override
    public String unsupported(Strategy strategy) {
      return strategy == Strategy.shared_pool ? JdkLibrary.NO_SHARED_POOL : null;
    }

    @Override
    public String unsupported(Protocol protocol) {
      return protocol == Protocol.h2c ? JdkLibrary.NO_PRIOR_KNOWLEDGE : null;
    }
  },
  /**
   * Apache HttpClient 5's classic client, traced through its exec chain, connection operator and
   * request executor; {@code callAsync} runs the blocking call on an executor (see Hc5ClientAdapter).
   */
  hc5 {
    @Override
    ClientLibrary library(ClientOptions options) {
      return new Hc5Library(options);
    }

    @Override
    public String unsupported(Protocol protocol) {
      return protocol.isHttp2() ? Hc5Library.NO_HTTP2 : null;
    }
  },
  /**
   * Jetty's HttpClient 12, traced by its request and response listeners; connection set-up is not
   * told to a request, so it lies inside {@code blocked}.
   */
  jetty {
    @Override
    ClientLibrary library(ClientOptions options) {
      return new JettyLibrary(options);
    }

    @Override
    public Set<Phase> phases() {
      return EnumSet.of(Phase.BLOCKED, Phase.SENDING, Phase.WAITING, Phase.RECEIVING);
    }

    @Override
    public String unsupported(Strategy strategy) {
      return strategy == Strategy.shared_pool ? JettyLibrary.NO_SHARED_POOL : null;
    }
  };

  /**
   * Creates the library's per-trial resources, speaking {@link ClientOptions#protocol()}.
   *
   * @throws UnsupportedCombinationException when the library cannot speak that protocol
   */
  public ClientLibrary open(ClientOptions options) {
    String why = unsupported(options.protocol());
    if (why != null) {
      throw new UnsupportedCombinationException(this, options.protocol(), why);
    }
    return library(options);
  }

  abstract ClientLibrary library(ClientOptions options);

  /**
   * The phases this library's hooks can observe; the others are always absent from its samples
   * (blank, never zero). A phase it can observe is still absent when the call did not go through it.
   */
  public Set<Phase> phases() {
    return EnumSet.allOf(Phase.class);
  }

  /** Whether this library's hooks tell a reused connection from a new one. */
  public boolean seesReuse() {
    return true;
  }

  /** Why this library cannot implement {@code strategy}, or null when it can. */
  public String unsupported(Strategy strategy) {
    return null;
  }

  /** Why this library cannot speak {@code protocol}, or null when it can. */
  public String unsupported(Protocol protocol) {
    return null;
  }

  /**
   * Why this library cannot run {@code strategy} over {@code protocol}, or null when it can: the
   * library's own limits first, then what the protocol itself rules out.
   */
  public String unsupported(Strategy strategy, Protocol protocol) {
    String why = unsupported(strategy);
    if (why == null) {
      why = unsupported(protocol);
    }
    return why != null ? why : protocol.unsupported(strategy);
  }

  /** Parses a name with an error that lists the valid ones. */
  public static ClientKind parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown client '" + name + "': use one of " + Arrays.toString(values()));
    }
  }
}

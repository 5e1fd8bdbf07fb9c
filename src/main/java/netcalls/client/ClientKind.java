package netcalls.client;

import java.util.Arrays;
import java.util.function.Function;
import netcalls.client.ahc.AhcCapabilities;
import netcalls.client.ahc.AhcLibrary;
import netcalls.client.hc5.Hc5Capabilities;
import netcalls.client.hc5.Hc5Library;
import netcalls.client.jdk.JdkCapabilities;
import netcalls.client.jdk.JdkLibrary;
import netcalls.client.jetty.JettyCapabilities;
import netcalls.client.jetty.JettyLibrary;
import netcalls.client.okhttp.OkHttpCapabilities;
import netcalls.client.okhttp.OkHttpLibrary;

/**
 * The client libraries under test, as a JMH {@code @Param}: {@code -p client=okhttp,jdk} narrows a
 * run. A plain factory: each library's capabilities live in its adapter package, and which
 * combinations run is {@link Combinations}' rule. Adding a library is one constant here plus one
 * adapter package.
 */
public enum ClientKind {
  /** OkHttp 5, blocking {@code execute()} and async {@code enqueue()}, traced by an EventListener. */
  okhttp(OkHttpCapabilities.OF, OkHttpLibrary::new),
  /** AsyncHttpClient 3 (Netty), traced by its AsyncHandler callbacks. */
  ahc(AhcCapabilities.OF, AhcLibrary::new),
  /** The JDK's java.net.http.HttpClient; it has no event API, so only duration and receiving are traced. */
  jdk(JdkCapabilities.OF, JdkLibrary::new),
  /**
   * Apache HttpClient 5's classic client, traced through its exec chain, connection operator and
   * request executor; {@code callAsync} runs the blocking call on an executor (see Hc5ClientAdapter).
   */
  hc5(Hc5Capabilities.OF, Hc5Library::new),
  /**
   * Jetty's HttpClient 12, traced by its request and response listeners; connection set-up is not
   * told to a request, so it lies inside {@code blocked}.
   */
  jetty(JettyCapabilities.OF, JettyLibrary::new);

  private final Capabilities capabilities;
  private final Function<ClientOptions, ClientLibrary> factory;

  ClientKind(Capabilities capabilities, Function<ClientOptions, ClientLibrary> factory) {
    this.capabilities = capabilities;
    this.factory = factory;
  }

  /** What this library does and sees, without building it. */
  public Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Creates the library's per-trial resources, speaking {@link ClientOptions#protocol()}.
   *
   * @throws UnsupportedCombinationException when the library cannot speak that protocol
   */
  public ClientLibrary open(ClientOptions options) {
    Combinations.Refusal no = Combinations.of(this, options.protocol());
    if (no != null) {
      throw new UnsupportedCombinationException(no);
    }
    return factory.apply(options);
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

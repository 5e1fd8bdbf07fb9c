package netcalls.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Native epoll where it loads (Linux x86-64), NIO elsewhere.
 *
 * <p>The epoll classes are looked up by name because the netty-bom puts the native epoll jar in
 * runtime scope: they are on the classpath when the server runs, not when it compiles.
 *
 * @param microsecondTimers whether scheduled tasks fire with microsecond precision: epoll arms a
 *                          timerfd in nanoseconds; NIO's selector waits in whole milliseconds
 */
record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel,
    boolean microsecondTimers) {
  private static final String EPOLL = "io.netty.channel.epoll.";
  /** Below this, a service delay on a millisecond timer would be mostly rounding. */
  static final long MIN_COARSE_DELAY_MICROS = 1_000;

  static Transport best() {
    try {
      if ((boolean) Class.forName(EPOLL + "Epoll").getMethod("isAvailable").invoke(null)) {
        return new Transport("epoll",
            (IoHandlerFactory) Class.forName(EPOLL + "EpollIoHandler").getMethod("newFactory").invoke(null),
            Class.forName(EPOLL + "EpollServerSocketChannel").asSubclass(ServerChannel.class),
            true);
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // no usable epoll jar: NIO below
    }
    return nio();
  }

  static Transport nio() {
    return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, false);
  }

  /**
   * Refuses a service delay this transport's timers cannot honour.
   *
   * @throws IllegalArgumentException saying what to give instead
   */
  void checkServiceDelay(long micros) {
    if (!microsecondTimers && micros > 0 && micros < MIN_COARSE_DELAY_MICROS) {
      throw new IllegalArgumentException("a service delay of " + micros + " us needs the epoll transport,"
          + " but the server runs on " + name + " here (millisecond timers): give 0 or at least "
          + MIN_COARSE_DELAY_MICROS + " us, or run on Linux x86-64 where epoll loads");
    }
  }
}

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
 */
record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel) {
  private static final String EPOLL = "io.netty.channel.epoll.";

  static Transport best() {
    try {
      if ((boolean) Class.forName(EPOLL + "Epoll").getMethod("isAvailable").invoke(null)) {
        return new Transport("epoll",
            (IoHandlerFactory) Class.forName(EPOLL + "EpollIoHandler").getMethod("newFactory").invoke(null),
            Class.forName(EPOLL + "EpollServerSocketChannel").asSubclass(ServerChannel.class));
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      // no usable epoll jar: NIO below
    }
    return nio();
  }

  static Transport nio() {
    return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
  }
}

package netcalls.client;

import netcalls.server.TargetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests against one built-in server per test class, over real loopback sockets. */
abstract class ServerTest {
  static TargetServer server;

  @BeforeAll
  static void startServer() {
    server = Servers.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}

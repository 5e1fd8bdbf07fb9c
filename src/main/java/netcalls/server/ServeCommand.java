package netcalls.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the target server on its own, for benchmarks (or wrk, or curl) in another process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the built-in target server until the process is terminated.")
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--http-port", defaultValue = "8080", description = "Plain HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int httpsPort;

  @Option(names = "--cert-out", paramLabel = "FILE", description = "Write the server certificate (PEM) here, for clients to trust.")
  Path certOut;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    TargetServer server = TargetServer.start(new ServerConfig(host, httpPort, httpsPort));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "netcalls-serve-shutdown"));
    if (certOut != null) {
      Files.writeString(certOut, server.certificate().certificatePem(), StandardCharsets.US_ASCII);
    }
    System.out.println("http  " + server.baseUri("http"));
    System.out.println("https " + server.baseUri("https"));
    if (certOut != null) {
      System.out.println("cert  " + certOut.toAbsolutePath());
    }
    System.out.flush();
    stopped.await();
    return 0;
  }
}

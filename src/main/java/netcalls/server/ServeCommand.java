package netcalls.server;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the target server on its own, for benchmarks (or wrk, or curl) in another process. */
@Command(name = "serve", description = "Run the built-in target server until the process is terminated.")
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Plain HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--https-port", defaultValue = "8443",
      description = "HTTPS port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int httpsPort;

  @Option(names = "--service-delay-us", paramLabel = "N", defaultValue = "0",
      description = "Add a fixed service time of N microseconds to every response (default: ${DEFAULT-VALUE}):"
          + " below 1000 a busy wait on the event loop (exact), from 1000 on its timer.")
  long serviceDelayMicros;

  @Option(names = "--cert-out", paramLabel = "FILE",
      description = "Write the server certificate (PEM) here, for clients elsewhere to trust.")
  Path certOut;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ServerConfig config;
    try {
      config = new ServerConfig(host, httpPort, httpsPort, serviceDelayMicros);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String badCert = certOut == null ? null : netcalls.run.OutputFile.problem("--cert-out", certOut);
    if (badCert != null) {
      spec.commandLine().getErr().println("serve: " + badCert); // before a port is bound
      return 2;
    }
    TargetServer server;
    try {
      server = TargetServer.start(config);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println(e.getMessage() + ": " + e.getCause());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "netcalls-serve-shutdown"));
    try {
      if (certOut != null) {
        Files.writeString(certOut, server.certificate().certificatePem(), StandardCharsets.US_ASCII);
      }
      // scripts read these lines to find the ports (see scripts/server-vs-nginx.sh)
      PrintWriter out = spec.commandLine().getOut();
      out.println("http  " + server.baseUri("http"));
      out.println("https " + server.baseUri("https"));
      if (certOut != null) {
        out.println("cert  " + certOut.toAbsolutePath());
      }
      if (serviceDelayMicros > 0) {
        out.println("delay " + serviceDelayMicros + " us per response (" + server.transport() + ")");
      }
      out.flush();
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // when embedded, an interrupt is the request to stop
    } finally {
      server.close();
    }
    return 0;
  }
}

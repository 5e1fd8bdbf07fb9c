package netcalls.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;

/**
 * Connection-reuse strategies; each means the same for every client library. The blog example
 * each one mirrors is in the README's strategy table.
 */
public enum Strategy {
  /** One client for the whole trial, keep-alive connections pooled (blog examples 0+ and 3). */
  reuse {
    @Override
    Client open(ClientLibrary library) {
      return library.newClient();
    }
  },
  /** A new client, hence a new pool and connection, for every request, closed after it (examples 0-2). */
  new_client {
    @Override
    Client open(ClientLibrary library) {
      return new PerCall(library::newClient, library::prepareKeepAlive, library.recorder());
    }
  },
  /** A new lightweight client per request, all over one shared pool (example 4's shared TCPConnector). */
  shared_pool {
    @Override
    Client open(ClientLibrary library) {
      return new PerCall(library::newClientOnSharedPool, library::prepareKeepAlive, null);
    }
  },
  /** One client, but {@code Connection: close} on every request, so every request connects. */
  no_keepalive {
    @Override
    Client open(ClientLibrary library) {
      return library.newNoKeepAliveClient();
    }
  };

  abstract Client open(ClientLibrary library);

  /**
   * The client a benchmark calls for this strategy.
   *
   * @throws UnsupportedCombinationException when the library cannot do it, or it means nothing
   *     over the library's protocol
   */
  public Client open(ClientKind kind, ClientLibrary library) {
    Combinations.Refusal no = Combinations.of(kind, this);
    if (no == null) {
      no = Combinations.of(this, library.protocol());
    }
    if (no != null) {
      throw new UnsupportedCombinationException(no);
    }
    return open(library);
  }

  /**
   * Makes a client per call and closes it once the call is done, whatever its outcome. Its
   * requests are prepared by the library, once, for all the clients it makes. With a recorder, each
   * call's sample holds the close as its {@code close} phase (the operation is call + close).
   */
  private static final class PerCall implements Client {
    private final Supplier<Client> factory;
    private final Function<Request, PreparedRequest> preparer;
    private final SampleRecorder recorder;

    PerCall(Supplier<Client> factory, Function<Request, PreparedRequest> preparer, SampleRecorder recorder) {
      this.factory = factory;
      this.preparer = preparer;
      this.recorder = recorder;
    }

    @Override
    public PreparedRequest prepare(Request request) {
      return preparer.apply(request);
    }

    @Override
    public long call(PreparedRequest request) throws IOException {
      Client client = factory.get();
      CallTrace[] held = hold();
      try {
        return client.call(request);
      } finally {
        if (held != null) {
          recorder.stopHolding();
        }
        close(client, held);
      }
    }

    @Override
    public CompletableFuture<Long> callAsync(PreparedRequest request) {
      Client client = factory.get();
      CallTrace[] held = hold();
      CompletableFuture<Long> call;
      try {
        call = client.callAsync(request);
      } catch (RuntimeException e) {
        close(client, held);
        throw e;
      } finally {
        if (held != null) {
          recorder.stopHolding();
        }
      }
      // the returned future completes only after the close, so the operation includes it
      return call.whenComplete((bytes, error) -> close(client, held));
    }

    private CallTrace[] hold() {
      return recorder == null ? null : recorder.holdNext();
    }

    /** Closes the call's client, timed into its held sample when there is one. */
    private void close(Client client, CallTrace[] held) {
      long began = System.nanoTime();
      try {
        client.close();
      } finally {
        if (held != null && held[0] != null) {
          recorder.closed(held[0], System.nanoTime() - began);
        }
      }
    }

    @Override
    public void close() {}
  }
}

package netcalls.client;

/**
 * One client library's per-trial resources (TLS material, the shared pool, event loops) and its
 * client factories. Strategies are built from these three factories, so each means the same
 * thing for every library.
 */
public interface ClientLibrary extends AutoCloseable {

  /** Where the library's clients store their samples (from its options); null when tracing is off. */
  netcalls.trace.SampleRecorder recorder();

  /** The protocol every client of this library speaks (from its options). */
  Protocol protocol();

  /** A new client with its own connection pool, keep-alive on. */
  Client newClient();

  /** A new lightweight client over this library's one shared pool; closing it keeps the pool. */
  Client newClientOnSharedPool();

  /** A new client that sends {@code Connection: close}, so every request opens a connection. */
  Client newNoKeepAliveClient();

  /**
   * Builds the library request that every keep-alive client of this library ({@link #newClient},
   * {@link #newClientOnSharedPool}) sends, for strategies that make a client per call.
   */
  PreparedRequest prepareKeepAlive(Request request);

  /** Closes the shared resources; clients handed out must be closed first. */
  @Override
  void close();
}

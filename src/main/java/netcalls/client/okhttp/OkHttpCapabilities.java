package netcalls.client.okhttp;

import netcalls.client.Capabilities;

/** What OkHttp does and sees here: every phase (its EventListener), reuse, every strategy and protocol. */
public final class OkHttpCapabilities {
  private OkHttpCapabilities() {}

  public static final Capabilities OF = Capabilities.full();
}

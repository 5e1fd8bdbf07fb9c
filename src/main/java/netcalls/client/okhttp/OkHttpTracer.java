package netcalls.client.okhttp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * OkHttp's tracer: an {@link EventListener} that maps the call's events onto a {@link CallTrace}.
 * One listener per call (OkHttp's own model), each event one clock read and a field write.
 */
final class OkHttpTracer extends EventListener {
  private final CallTrace trace;

  OkHttpTracer(CallTrace trace) {
    this.trace = trace;
  }

  @Override
  public void dispatcherQueueStart(Call call, Dispatcher dispatcher) {
    trace.begin(Phase.BLOCKED);
  }

  @Override
  public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
    trace.end(Phase.BLOCKED);
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    trace.begin(Phase.DNS);
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> addresses) {
    trace.end(Phase.DNS);
  }

  @Override
  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    trace.connected();
    trace.begin(Phase.CONNECTING);
  }

  @Override
  public void secureConnectStart(Call call) {
    trace.next(Phase.CONNECTING, Phase.TLS_HANDSHAKING);
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    trace.end(Phase.TLS_HANDSHAKING);
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
    trace.end(Phase.CONNECTING);
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
    trace.end(Phase.CONNECTING);
    trace.end(Phase.TLS_HANDSHAKING);
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    if (!trace.reusedKnown()) {
      trace.reused(true);
    }
  }

  @Override
  public void requestHeadersStart(Call call) {
    trace.begin(Phase.SENDING);
  }

  @Override
  public void requestHeadersEnd(Call call, okhttp3.Request request) {
    trace.next(Phase.SENDING, Phase.WAITING);
  }

  @Override
  public void responseHeadersStart(Call call) {
    trace.next(Phase.WAITING, Phase.RECEIVING);
  }

  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    trace.end(Phase.RECEIVING);
  }

  @Override
  public void followUpDecision(Call call, Response networkResponse, okhttp3.Request nextRequest) {
    if (nextRequest != null) {
      trace.redirected();
    }
  }
}

package netcalls.client.ahc;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;
import netcalls.client.HttpStatusException;
import netcalls.client.Request;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.handler.ProgressAsyncHandler;
import org.asynchttpclient.netty.request.NettyRequest;

/**
 * AsyncHttpClient's tracer: the call's {@code AsyncHandler}, since AHC reports both its events and
 * the response through that one object. It maps the callbacks onto the trace (when one is given),
 * reads the response by counting its body bytes (nothing kept) and completes the call's future.
 * AHC follows redirects before this handler sees a status, so redirects are counted from the
 * request sends.
 */
final class AhcTracer implements ProgressAsyncHandler<Long> {
  final CompletableFuture<Long> result = new CompletableFuture<>();
  private final Request request;
  private final CallTrace trace;
  private final SampleRecorder recorder;
  private long bytes;
  private int status = -1;
  private int sends;

  AhcTracer(Request request, CallTrace trace, SampleRecorder recorder) {
    this.request = request;
    this.trace = trace;
    this.recorder = recorder;
  }

  @Override
  public void onConnectionPoolAttempt() {
    if (trace != null) {
      trace.begin(Phase.BLOCKED);
    }
  }

  @Override
  public void onConnectionPooled(Channel connection) {
    if (trace != null) {
      trace.end(Phase.BLOCKED);
      if (!trace.reusedKnown()) {
        trace.reused(true);
      }
    }
  }

  @Override
  public void onHostnameResolutionAttempt(String name) {
    if (trace != null) {
      trace.end(Phase.BLOCKED);
      trace.begin(Phase.DNS);
    }
  }

  @Override
  public void onHostnameResolutionSuccess(String name, List<InetSocketAddress> addresses) {
    if (trace != null) {
      trace.end(Phase.DNS);
    }
  }

  @Override
  public void onHostnameResolutionFailure(String name, Throwable cause) {
    if (trace != null) {
      trace.end(Phase.DNS);
    }
  }

  @Override
  public void onTcpConnectAttempt(InetSocketAddress remoteAddress) {
    if (trace != null) {
      trace.end(Phase.BLOCKED);
      trace.connected();
      trace.begin(Phase.CONNECTING);
    }
  }

  @Override
  public void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel connection) {
    if (trace != null) {
      trace.end(Phase.CONNECTING);
    }
  }

  @Override
  public void onTcpConnectFailure(InetSocketAddress remoteAddress, Throwable cause) {
    if (trace != null) {
      trace.end(Phase.CONNECTING);
    }
  }

  @Override
  public void onTlsHandshakeAttempt() {
    if (trace != null) {
      trace.begin(Phase.TLS_HANDSHAKING);
    }
  }

  @Override
  public void onTlsHandshakeSuccess(SSLSession sslSession) {
    if (trace != null) {
      trace.end(Phase.TLS_HANDSHAKING);
    }
  }

  @Override
  public void onTlsHandshakeFailure(Throwable cause) {
    if (trace != null) {
      trace.end(Phase.TLS_HANDSHAKING);
    }
  }

  @Override
  public void onRequestSend(NettyRequest nettyRequest) {
    sends++;
    if (trace != null) {
      trace.end(Phase.BLOCKED);
      trace.begin(Phase.SENDING);
    }
  }

  @Override
  public State onHeadersWritten() {
    // the write's completion may be processed after the response has begun; then sending already ended
    if (trace != null && trace.isOpen(Phase.SENDING)) {
      trace.next(Phase.SENDING, Phase.WAITING);
    }
    return State.CONTINUE;
  }

  @Override
  public State onContentWritten() {
    return State.CONTINUE;
  }

  @Override
  public State onContentWriteProgress(long amount, long current, long total) {
    return State.CONTINUE;
  }

  @Override
  public State onStatusReceived(HttpResponseStatus responseStatus) {
    status = responseStatus.getStatusCode();
    if (trace != null) {
      // no write notice yet: where sending ended is unknown, so the span counts as waiting and sending is absent
      trace.carry(Phase.SENDING, Phase.WAITING);
      trace.next(Phase.WAITING, Phase.RECEIVING);
    }
    return State.CONTINUE;
  }

  @Override
  public State onHeadersReceived(HttpHeaders headers) {
    return State.CONTINUE;
  }

  @Override
  public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
    bytes += bodyPart.length();
    return State.CONTINUE;
  }

  @Override
  public Long onCompleted() {
    if (trace != null) {
      trace.end(Phase.RECEIVING);
      trace.status(status);
      trace.addBytes(bytes);
      trace.redirects(Math.max(0, sends - 1));
    }
    if (!HttpStatusException.isSuccess(status)) {
      onThrowable(new HttpStatusException(status, request));
      return null;
    }
    if (trace != null) {
      recorder.finish(trace, null);
    }
    result.complete(bytes);
    return bytes;
  }

  @Override
  public void onThrowable(Throwable t) {
    if (result.isDone()) {
      return;
    }
    if (trace != null) {
      if (status >= 0) {
        trace.status(status);
      }
      trace.redirects(Math.max(0, sends - 1));
      recorder.finish(trace, t);
    }
    result.completeExceptionally(t);
  }
}

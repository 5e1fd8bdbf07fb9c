package netcalls.server;

import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/** Builds the responses; every one carries a Content-Length, except a 204, which must not. */
final class Responses {
  static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");
  static final AsciiString OCTETS = HttpHeaderValues.APPLICATION_OCTET_STREAM;
  static final AsciiString JSON = HttpHeaderValues.APPLICATION_JSON;

  // the values set here are constants or numbers, so validating them per response is wasted work
  private static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

  private Responses() {}

  static FullHttpResponse of(HttpVersion version, HttpResponseStatus status, AsciiString type, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(version, status, body, HEADERS, TRAILERS);
    response.headers()
        .set(CONTENT_TYPE, type)
        .setInt(CONTENT_LENGTH, body.readableBytes());
    return response;
  }

  /** A status that never has a body (204, 304); a 204 must not even send Content-Length (RFC 9110 8.6). */
  static FullHttpResponse bodiless(HttpVersion version, HttpResponseStatus status) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(version, status, Unpooled.EMPTY_BUFFER, HEADERS, TRAILERS);
    if (status.code() != 204) {
      response.headers().setInt(CONTENT_LENGTH, 0);
    }
    return response;
  }

  static FullHttpResponse pattern(HttpVersion version, int size) {
    return of(version, HttpResponseStatus.OK, OCTETS, PatternBody.of(size));
  }

  static FullHttpResponse text(HttpVersion version, HttpResponseStatus status, String body) {
    return of(version, status, TEXT, Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  static FullHttpResponse empty(HttpVersion version, HttpResponseStatus status) {
    return of(version, status, TEXT, Unpooled.EMPTY_BUFFER);
  }
}

package netcalls.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Response bodies of the pattern {@code abcdefghijklmnopqrstuvwxyz...} (byte i = 'a' + i % 26).
 *
 * <p>One direct, read-only block is filled once; every body is a slice of it, so serving a body
 * copies no bytes in Java. The block is a whole number of periods long, so bodies larger than it
 * are the same slice repeated, which keeps the resident memory at 1 MiB instead of 64 MiB.
 */
final class PatternBody {
  static final int MAX_SIZE = 64 * 1024 * 1024;

  private static final int PERIOD = 26;
  private static final int BLOCK = PERIOD * (1024 * 1024 / PERIOD + 1);
  private static final ByteBuf BLOCK_BUF = makeBlock();

  private PatternBody() {}

  /** The first {@code size} bytes of the pattern; the caller owns (and the write releases) the result. */
  static ByteBuf of(int size) {
    if (size <= BLOCK) {
      return BLOCK_BUF.retainedSlice(0, size);
    }
    int parts = (size + BLOCK - 1) / BLOCK;
    CompositeByteBuf body = Unpooled.compositeBuffer(parts);
    for (int remaining = size; remaining > 0; remaining -= BLOCK) {
      body.addComponent(true, BLOCK_BUF.retainedSlice(0, Math.min(BLOCK, remaining)));
    }
    return body;
  }

  private static ByteBuf makeBlock() {
    ByteBuf block = Unpooled.directBuffer(BLOCK, BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      block.writeByte('a' + i % PERIOD);
    }
    // unreleasable: slices may be released any number of times without freeing the shared block
    return Unpooled.unreleasableBuffer(block.asReadOnly());
  }
}

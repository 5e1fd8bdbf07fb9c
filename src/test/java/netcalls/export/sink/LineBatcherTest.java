package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBatcherTest {
  private static List<List<Long>> batches(String text, long maxBytes) throws Exception {
    LineBatcher b = new LineBatcher(new BufferedReader(new StringReader(text)), maxBytes);
    List<List<Long>> out = new ArrayList<>();
    for (List<LineBatcher.Line> batch = b.next(); !batch.isEmpty(); batch = b.next()) {
      out.add(batch.stream().map(LineBatcher.Line::number).toList());
    }
    return out;
  }

  @Test
  void cutsAtLineBoundariesCountingLineEnds() throws Exception {
    // each line is 9 bytes + 1 line end: two fit in 20 bytes, three do not
    assertThat(batches("m x=1i 11\nm x=1i 12\nm x=1i 13\n", 20)).containsExactly(List.of(1L, 2L), List.of(3L));
  }

  @Test
  void countsUtf8BytesNotChars() throws Exception {
    assertThat(LineBatcher.utf8Length("é✓😀")).isEqualTo(2 + 3 + 4);
    // "m,t=é x=1i" is 11 bytes + line end: one per 15-byte batch
    assertThat(batches("m,t=é x=1i\nm,t=é x=1i\n", 15)).containsExactly(List.of(1L), List.of(2L));
  }

  @Test
  void aLineLongerThanTheLimitComesAlone() throws Exception {
    assertThat(batches("a x=1i\nbbbbbbbbbbbbbbbbbbbbbb x=1i\nc x=1i\n", 10))
        .containsExactly(List.of(1L), List.of(2L), List.of(3L));
  }

  @Test
  void commentsAndBlankLinesAreNotSentButKeepLineNumbers() throws Exception {
    assertThat(batches("# comment\n\nm x=1i\n", 1000)).containsExactly(List.of(3L));
  }
}

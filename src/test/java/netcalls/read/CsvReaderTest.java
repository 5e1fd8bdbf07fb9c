package netcalls.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nonAsciiCellsAreDecodedAsUtf8() throws Exception {
    CsvReader r = new CsvReader(in("é✓,\"日本,x\"\n"));
    r.next();
    assertThat(r.string(0)).isEqualTo("é✓");
    assertThat(r.string(1)).isEqualTo("日本,x");
    assertThat(r.sameAs(0, "é✓")).isTrue();
    assertThat(r.sameAs(0, "e✓")).isFalse();
  }

  /** Reads that return 1..7 bytes put every record boundary at every buffer position. */
  @Test
  void recordsSplitAcrossReadsAtAnyByteAreTheSame() throws Exception {
    String csv = "a,\"b\"\"c\",é✓\r\n\n,,\n\"x\ny\",1,2\n3,4,5";
    List<List<String>> whole = read(csv);
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    java.util.Random rnd = new java.util.Random(7);
    InputStream trickle = new InputStream() {
      int i;

      @Override
      public int read() {
        return i < bytes.length ? bytes[i++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (i >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, 1 + rnd.nextInt(7)), bytes.length - i);
        System.arraycopy(bytes, i, b, off, n);
        i += n;
        return n;
      }
    };
    CsvReader r = new CsvReader(trickle);
    List<List<String>> rows = new ArrayList<>();
    while (r.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        row.add(r.string(i));
      }
      rows.add(row);
    }
    assertThat(rows).isEqualTo(whole).containsExactly(List.of("a", "b\"c", "é✓"), List.of("", "", ""),
        List.of("x\ny", "1", "2"), List.of("3", "4", "5"));
  }

  @Test
  void cellsLongerThanTheReadBufferAreWhole() throws Exception {
    String big = "y".repeat(200_000);
    CsvReader r = new CsvReader(in("a," + big + ",\"" + big + "\"\n"));
    r.next();
    assertThat(r.string(1)).isEqualTo(big);
    assertThat(r.string(2)).isEqualTo(big);
  }
  private static List<List<String>> read(String csv) throws Exception {
    CsvReader r = new CsvReader(in(csv));
    List<List<String>> rows = new ArrayList<>();
    while (r.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        row.add(r.string(i));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void readsQuotedCellsWithCommasQuotesAndNewlines() throws Exception {
    assertThat(read("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n"))
        .containsExactly(List.of("a", "b,c", "say \"hi\"", "x\ny"));
  }

  @Test
  void emptyCellsStayEmptyAndCrLfIsALineEnd() throws Exception {
    assertThat(read("1,,3\r\n,,\r\n")).containsExactly(List.of("1", "", "3"), List.of("", "", ""));
  }

  @Test
  void blankLinesAreSkippedAndLineNumbersCountThem() throws Exception {
    CsvReader r = new CsvReader(in("h\n\n1\n"));
    assertThat(r.next()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.string(0)).isEqualTo("1");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.next()).isFalse();
  }

  @Test
  void lastLineWithoutLineEndIsReadAndFlagged() throws Exception {
    CsvReader r = new CsvReader(in("1,2\n3,4"));
    r.next();
    assertThat(r.endedWithNewline()).isTrue();
    r.next();
    assertThat(r.string(1)).isEqualTo("4");
    assertThat(r.endedWithNewline()).isFalse();
  }

  @Test
  void unterminatedQuoteIsAnErrorNamingTheLine() throws Exception {
    CsvReader r = new CsvReader(in("1,2\n3,\"4\n"));
    r.next();
    assertThatThrownBy(r::next).isInstanceOf(CsvReader.MalformedException.class)
        .hasMessageContaining("unterminated").extracting(e -> ((CsvReader.MalformedException) e).line).isEqualTo(2L);
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorAndTheReaderMovesOn() throws Exception {
    CsvReader r = new CsvReader(in("\"a\"b,1\n2,3\n"));
    assertThatThrownBy(r::next).isInstanceOf(CsvReader.MalformedException.class);
    assertThat(r.next()).isTrue();
    assertThat(r.string(0)).isEqualTo("2");
  }

  @Test
  void longValuesParseWithoutStringsAndRejectGarbage() throws Exception {
    CsvReader r = new CsvReader(in("1795425663000000001,-5,12x,99999999999999999999\n"));
    r.next();
    assertThat(r.longValue(0)).isEqualTo(1795425663000000001L);
    assertThat(r.longValue(1)).isEqualTo(-5L);
    assertThatThrownBy(() -> r.longValue(2)).isInstanceOf(NumberFormatException.class).hasMessageContaining("12x");
    assertThatThrownBy(() -> r.longValue(3)).isInstanceOf(NumberFormatException.class);
  }
}

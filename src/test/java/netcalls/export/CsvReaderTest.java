package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<List<String>> read(String csv) throws Exception {
    CsvReader r = new CsvReader(new StringReader(csv));
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
    CsvReader r = new CsvReader(new StringReader("h\n\n1\n"));
    assertThat(r.next()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.string(0)).isEqualTo("1");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.next()).isFalse();
  }

  @Test
  void lastLineWithoutLineEndIsReadAndFlagged() throws Exception {
    CsvReader r = new CsvReader(new StringReader("1,2\n3,4"));
    r.next();
    assertThat(r.endedWithNewline()).isTrue();
    r.next();
    assertThat(r.string(1)).isEqualTo("4");
    assertThat(r.endedWithNewline()).isFalse();
  }

  @Test
  void unterminatedQuoteIsAnErrorNamingTheLine() throws Exception {
    CsvReader r = new CsvReader(new StringReader("1,2\n3,\"4\n"));
    r.next();
    assertThatThrownBy(r::next).isInstanceOf(CsvReader.MalformedException.class)
        .hasMessageContaining("unterminated").extracting(e -> ((CsvReader.MalformedException) e).line).isEqualTo(2L);
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorAndTheReaderMovesOn() throws Exception {
    CsvReader r = new CsvReader(new StringReader("\"a\"b,1\n2,3\n"));
    assertThatThrownBy(r::next).isInstanceOf(CsvReader.MalformedException.class);
    assertThat(r.next()).isTrue();
    assertThat(r.string(0)).isEqualTo("2");
  }

  @Test
  void longValuesParseWithoutStringsAndRejectGarbage() throws Exception {
    CsvReader r = new CsvReader(new StringReader("1795425663000000001,-5,12x,99999999999999999999\n"));
    r.next();
    assertThat(r.longValue(0)).isEqualTo(1795425663000000001L);
    assertThat(r.longValue(1)).isEqualTo(-5L);
    assertThatThrownBy(() -> r.longValue(2)).isInstanceOf(NumberFormatException.class).hasMessageContaining("12x");
    assertThatThrownBy(() -> r.longValue(3)).isInstanceOf(NumberFormatException.class);
  }
}

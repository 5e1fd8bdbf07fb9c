package netcalls.export.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;

/** Exact line protocol strings, one concern per test. */
class LineProtocolTest {

  private String line(PointDraft d, long t) {
    return LineProtocol.line(d.toPoint(t));
  }

  private PointDraft draft() {
    return new PointDraft(InfluxMeasurement.REQUEST, "test");
  }

  @Test
  void integerFieldsGetTheISuffix() {
    assertThat(line(draft().value("duration_ns", 412001L), 1)).isEqualTo("netcalls_request duration_ns=412001i 1");
  }

  @Test
  void floatFieldsKeepADecimalPointAndNoExponent() {
    assertThat(line(draft().value("score", 95.25).value("big", 1e20).value("small", 1e-7), 1))
        .isEqualTo("netcalls_request big=100000000000000000000.0,score=95.25,small=0.0000001 1");
  }

  @Test
  void wholeFloatsStayFloats() {
    assertThat(line(draft().value("score", 100.0), 1)).isEqualTo("netcalls_request score=100.0 1");
  }

  @Test
  void booleansAreBareWords() {
    Point p = Point.measurement("m").addField("reused", true).addField("z", false).time(1, TimeUnit.NANOSECONDS).build();
    assertThat(LineProtocol.line(p)).isEqualTo("m reused=true,z=false 1");
  }

  @Test
  void timeIsWrittenInNanoseconds() {
    assertThat(line(draft().value("x", 1L), 1795425663000000001L)).endsWith(" 1795425663000000001");
  }

  @Test
  void stringFieldsEscapeQuotesAndBackslashes() {
    assertThat(line(draft().value("x", 1L).field("s", "a\"b\\c"), 1)).isEqualTo("netcalls_request s=\"a\\\"b\\\\c\",x=1i 1");
  }

  @Test
  void tagValuesEscapeSpaceCommaAndEquals() {
    assertThat(line(draft().tag("k", "a b,c=d").value("x", 1L), 1)).isEqualTo("netcalls_request,k=a\\ b\\,c\\=d x=1i 1");
  }

  @Test
  void tagsAndFieldsAreSortedByKey() {
    assertThat(line(draft().tag("z", "1").tag("a", "2").value("y", 1L).value("b", 2L), 1))
        .isEqualTo("netcalls_request,a=2,z=1 b=2i,y=1i 1");
  }

  @Test
  void emptyTagValueBecomesNoneInsteadOfVanishing() {
    assertThat(line(draft().tag("leg", "").value("x", 1L), 1)).isEqualTo("netcalls_request,leg=none x=1i 1");
    assertThat(LineProtocol.tagValue(null)).isEqualTo("none");
  }

  @Test
  void newlinesInTagValuesBecomeVisibleEscapesSoThePointStaysOnOneLine() {
    String l = line(draft().tag("k", "a\nb\r\nc").value("x", 1L), 1);
    assertThat(l).isEqualTo("netcalls_request,k=a\\nb\\r\\nc x=1i 1").doesNotContain("\n", "\r");
  }

  @Test
  void newlinesInStringFieldsBecomeVisibleEscapes() {
    assertThat(line(draft().value("x", 1L).field("s", "a\nb"), 1)).isEqualTo("netcalls_request s=\"a\\\\nb\",x=1i 1");
  }

  @Test
  void trailingBackslashIsStrippedBecauseItWouldEscapeTheSeparator() {
    assertThat(LineProtocol.tagValue("C:\\dir\\")).isEqualTo("C:\\dir");
    assertThat(LineProtocol.tagValue("\\\\")).isEqualTo("none");
    assertThat(line(draft().tag("k", "a\\").value("x", 1L), 1)).isEqualTo("netcalls_request,k=a x=1i 1");
  }

  @Test
  void innerBackslashesAndNonAsciiAreKept() {
    assertThat(LineProtocol.tagValue("a\\b é ✓")).isEqualTo("a\\b é ✓");
  }

  @Test
  void pointDropsNonFiniteFieldsSilentlySoTheDraftListsThem() {
    Point p = Point.measurement("m").addField("a", Double.NaN).time(1, TimeUnit.NANOSECONDS).build();
    assertThat(LineProtocol.line(p)).isEmpty();
    PointDraft d = draft().value("a", Double.NaN).value("b", Double.POSITIVE_INFINITY).value("c", 1.5);
    assertThat(d.skipped()).containsExactly("a=NaN", "b=Infinity");
    assertThat(line(d, 1)).isEqualTo("netcalls_request c=1.5 1");
  }

  @Test
  void numbersDoNotFollowTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(line(draft().value("score", 1234567.25).value("n", 1234567L), 1))
          .isEqualTo("netcalls_request n=1234567i,score=1234567.25 1");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void measurementOfReadsUpToTheFirstUnescapedSeparator() {
    assertThat(LineProtocol.measurementOf("netcalls_request,a=b x=1i 1")).isEqualTo("netcalls_request");
    assertThat(LineProtocol.measurementOf("my\\ m\\,x,a=b x=1i 1")).isEqualTo("my m,x");
    assertThat(List.of("netcalls_run x=1i")).allMatch(l -> LineProtocol.measurementOf(l).equals("netcalls_run"));
  }
}

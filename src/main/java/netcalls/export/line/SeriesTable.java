package netcalls.export.line;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The sample series of a run ({@code netcalls_request} per target, endpoint and leg; {@code
 * netcalls_pair} per target and endpoint), each with its escaped "measurement,tags " prefix built
 * once and its last timestamp. Forks of one parameter set share series, so times stay unique.
 */
public final class SeriesTable {
  /** A series: the escaped line prefix, its tags, its last time, and (when kept) its duration histogram. */
  public static final class Series {
    private final String prefix;
    private final byte[] prefixBytes;
    private final Map<String, String> tags;
    private final Histogram histogram;
    private long last = Long.MIN_VALUE;

    Series(String prefix, Map<String, String> tags, Histogram histogram) {
      this.prefix = prefix;
      this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
      this.tags = tags;
      this.histogram = histogram;
    }

    /** The row's time, or last + 1 ns when it would tie with (or precede) the previous point of the series. */
    public long time(long t) {
      last = t > last ? t : last + 1;
      return last;
    }

    public String prefix() {
      return prefix;
    }

    byte[] prefixBytes() {
      return prefixBytes;
    }

    /** Sanitised tags, sorted. */
    public Map<String, String> tags() {
      return tags;
    }

    /** Request durations of the series; null when the table keeps none (live mode). */
    public Histogram histogram() {
      return histogram;
    }
  }

  /** The request series of a row and, for a pair row, the pair series. */
  public record SeriesPair(Series request, Series pair) {}

  private final boolean histograms;
  private final Map<String, Series> series = new LinkedHashMap<>();

  /** @param histograms whether request series keep a duration histogram (the export does, live mode not) */
  public SeriesTable(boolean histograms) {
    this.histograms = histograms;
  }

  /** The series of a row of a trial with tags {@code trialTags} (raw values; sanitised here). */
  public SeriesPair seriesFor(Map<String, String> trialTags, String target, String endpoint, String leg) {
    Map<String, String> tags = new TreeMap<>(trialTags);
    tags.put("target", target);
    tags.put("endpoint", endpoint);
    Map<String, String> pairTags = new TreeMap<>(tags);
    tags.put("leg", leg);
    Map<String, String> t = sanitised(tags);
    Series request = series.computeIfAbsent(prefix(InfluxMeasurement.REQUEST, t),
        p -> new Series(p, t, histograms ? new Histogram(3) : null));
    Series pair = null;
    if (leg.equals("pair")) {
      Map<String, String> pt = sanitised(pairTags);
      pair = series.computeIfAbsent(prefix(InfluxMeasurement.PAIR, pt), p -> new Series(p, pt, null));
    }
    return new SeriesPair(request, pair);
  }

  /** Every series, in the order first seen. */
  public Collection<Series> all() {
    return series.values();
  }

  private static Map<String, String> sanitised(Map<String, String> raw) {
    Map<String, String> t = new TreeMap<>();
    raw.forEach((k, v) -> t.put(LineProtocol.tagValue(k), LineProtocol.tagValue(v)));
    return t;
  }

  /** "measurement,k=v,... " escaped as Point escapes it; tags must be sorted and sanitised. */
  static String prefix(InfluxMeasurement m, Map<String, String> sortedTags) {
    StringBuilder sb = new StringBuilder(256);
    LineProtocol.appendKey(sb, m.measurementName());
    sortedTags.forEach((k, v) -> {
      sb.append(',');
      LineProtocol.appendKey(sb, k);
      sb.append('=');
      LineProtocol.appendKey(sb, v);
    });
    return sb.append(' ').toString();
  }
}

package netcalls.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import netcalls.compare.ProfileStacks.Row;
import netcalls.compare.ProfileStacks.Stacks;
import netcalls.run.RunFolder;

/**
 * A differential flame graph of one compared row: one self-contained HTML page of inline SVG (no script, nothing
 * fetched), root at the bottom. A frame's width is the mean of its two sides' values per call (so widths add up
 * along the tree whichever side a frame is on); its colour is its change: red where the candidate spends more, blue
 * where it spends less, the deeper the larger the change relative to the larger side, white when unchanged.
 */
public final class DiffFlameGraph {
  static final String PREFIX = "diff-";
  static final int WIDTH = 1200;
  static final int ROW = 17;
  /** Frames narrower than this (px) are left out: they could not be read and would only make the file bigger. */
  static final double MIN_PX = 0.5;
  static final String MORE = "more";
  static final String LESS = "less";
  static final String SAME = "same";
  static final String SAME_COLOUR = "rgb(200,200,200)";

  /** A frame in the merged tree: its value per call on each side, its children by name. */
  static final class Node {
    final String name;
    double base;
    double cand;
    final Map<String, Node> children = new TreeMap<>();

    Node(String name) {
      this.name = name;
    }
  }

  private DiffFlameGraph() {}

  /** The file of a row's graph in the candidate's run folder: {@code profiles/diff-<row>.html}. */
  public static Path file(Path candidateRun, String row) {
    return RunFolder.of(candidateRun).profiles().resolve(PREFIX + row + ".html");
  }

  /** Writes the graph of every row both sides profiled into the candidate's folder; returns the files written. */
  public static List<Path> writeAll(List<Path> baseline, List<Path> candidate, Path candidateRun) throws IOException {
    Map<String, Row> b = ProfileStacks.read(baseline);
    Map<String, Row> c = ProfileStacks.read(candidate);
    List<Path> written = new ArrayList<>();
    for (String row : b.keySet()) {
      if (c.containsKey(row) && b.get(row).kind().equals(c.get(row).kind())) {
        Path f = file(candidateRun, row);
        Files.createDirectories(f.getParent());
        Files.writeString(f, html(row, b.get(row), c.get(row)), StandardCharsets.UTF_8);
        written.add(f);
      }
    }
    return written;
  }

  /** The merged tree of two sides, each stack's value per call (per mille of samples where calls are unknown). */
  static Node tree(Row b, Row c) {
    Node root = new Node("all");
    boolean perCall = b.perCall() && c.perCall();
    add(root, b.pooled(), perCall ? b.perSample() : 1, perCall, true);
    add(root, c.pooled(), perCall ? c.perSample() : 1, perCall, false);
    return root;
  }

  private static void add(Node root, Stacks s, double perSample, boolean perCall, boolean base) {
    double scale = perCall ? perSample / Math.max(1, s.calls()) : 1000.0 / Math.max(1, s.samples());
    s.stacks().forEach((stack, count) -> {
      double v = count * scale;
      Node n = root;
      bump(n, v, base);
      for (String frame : stack.split(";")) {
        n = n.children.computeIfAbsent(frame, Node::new);
        bump(n, v, base);
      }
    });
  }

  private static void bump(Node n, double v, boolean base) {
    if (base) {
      n.base += v;
    } else {
      n.cand += v;
    }
  }

  /** Which way a frame moved: more or less by over 5 % of its larger side, else the same. */
  static String change(Node n) {
    double rel = relative(n);
    return rel > 0.05 ? MORE : rel < -0.05 ? LESS : SAME;
  }

  private static double relative(Node n) {
    double max = Math.max(n.base, n.cand);
    return max == 0 ? 0 : (n.cand - n.base) / max;
  }

  /** Red for more, blue for less, grey for the same; the larger the change the deeper. */
  static String colour(Node n) {
    double rel = Math.max(-1, Math.min(1, relative(n)));
    int fade = (int) Math.round(215 - 180 * Math.abs(rel));
    return Math.abs(rel) <= 0.05 ? SAME_COLOUR
        : rel > 0 ? "rgb(235," + fade + "," + fade + ")" : "rgb(" + fade + "," + fade + ",235)";
  }

  /** A plain flame graph of one side's collapsed stacks (a kind recorded beside others, from JFR). */
  public static String single(String title, List<String> collapsed) {
    Row one = new Row(title, List.of(ProfileStacks.parse(collapsed, 0)), 1, "samples", "?");
    return html(title, one, one, true);
  }

  static String html(String row, Row b, Row c) {
    return html(row, b, c, false);
  }

  private static String html(String row, Row b, Row c, boolean single) {
    Node root = tree(b, c);
    String unit = b.perCall() && c.perCall() ? b.unit() + " per call" : "per mille of samples";
    int depth = depth(root, 0);
    int height = (depth + 1) * ROW;
    StringBuilder svg = new StringBuilder();
    double scale = WIDTH / Math.max(mean(root), 1e-12);
    draw(root, 0, 0, depth, scale, unit, single, svg);
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc("diff " + row) + "</title>"
        + "<style>body{font:12px sans-serif;margin:8px}svg text{font:11px monospace;pointer-events:none}"
        + ".k span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}</style>"
        + "</head><body>\n<h1 style=\"font-size:16px\">" + esc(row) + "</h1>\n" + (single
        ? "<p>Flame graph: width = " + esc(unit) + ", root at the bottom; hover a frame for its value.</p>\n"
        : "<p>Differential flame graph: width = mean of baseline and candidate (" + esc(unit) + "); colour = change,"
        + " hover a frame for both sides.</p>\n<p class=\"k\"><span style=\"background:rgb(235,35,35)\"></span>"
        + "candidate spends more<span style=\"background:rgb(35,35,235)\"></span>candidate spends less"
        + "<span style=\"background:" + SAME_COLOUR + "\"></span>within 5 %</p>\n")
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height + "\">\n" + svg
        + "</svg>\n</body></html>\n";
  }

  private static double mean(Node n) {
    return (n.base + n.cand) / 2;
  }

  private static int depth(Node n, int d) {
    int max = d;
    for (Node child : n.children.values()) {
      max = Math.max(max, depth(child, d + 1));
    }
    return max;
  }

  private static void draw(Node n, double x, int d, int depth, double scale, String unit, boolean single,
      StringBuilder svg) {
    double w = mean(n) * scale;
    if (w < MIN_PX) {
      return;
    }
    int y = (depth - d) * ROW;
    String tip = String.format(Locale.ROOT, "%s: %s -> %s (%s)", n.name, num(n.base), num(n.cand), unit);
    svg.append(String.format(Locale.ROOT, "<g data-frame=\"%s\" data-change=\"%s\"><title>%s</title>"
        + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\"/>",
        esc(n.name), change(n), esc(tip), x, y, w, ROW - 1, single ? "rgb(240,170,90)" : colour(n)));
    int chars = (int) (w / 7);
    if (chars > 2) {
      String label = n.name.length() <= chars ? n.name : n.name.substring(0, chars - 2) + "..";
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 5, esc(label)));
    }
    svg.append("</g>\n");
    double cx = x;
    for (Node child : n.children.values()) {
      draw(child, cx, d + 1, depth, scale, unit, single, svg);
      cx += mean(child) * scale;
    }
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

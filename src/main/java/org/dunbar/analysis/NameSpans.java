package org.dunbar.analysis;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.model.Utf8Order;

/**
 * The distinct names one account was seen under, each with its first and last sighting (epoch
 * microseconds UTC): the accumulator of {@link AccountNames}. It holds one entry per distinct name,
 * and accounts are renamed rarely, so it stays small. Names compare byte for byte: a change of case
 * is another name.
 */
final class NameSpans {
  /** When one name was seen first and last, epoch microseconds UTC. */
  record Span(long first, long last) {
    Span with(Span other) {
      return new Span(Math.min(first, other.first), Math.max(last, other.last));
    }
  }

  /** In UTF-8 byte order, so the coder writes equal accumulators as equal bytes. */
  private final TreeMap<String, Span> spans = new TreeMap<>(Utf8Order.COMPARATOR);

  void add(String name, Span span) {
    spans.merge(name, span, Span::with);
  }

  void addAll(NameSpans other) {
    other.spans.forEach(this::add);
  }

  /** How many distinct names the account was seen under. */
  long namesSeen() {
    return spans.size();
  }

  /** The first sighting of the account under any name. */
  long firstSeen() {
    return spans.values().stream().mapToLong(Span::first).min().orElseThrow();
  }

  /**
   * The name seen last: the greatest last sighting; of names last seen at the same instant, the one
   * greatest in UTF-8 byte order, so the result never depends on input order or parallelism.
   *
   * @throws NoSuchElementException when no name was added (a bug of the caller)
   */
  Map.Entry<String, Span> latest() {
    Map.Entry<String, Span> latest = null;
    // Ascending name order: a later equal instant replaces, so the greatest name wins a tie.
    for (Map.Entry<String, Span> entry : spans.entrySet()) {
      if (latest == null || entry.getValue().last() >= latest.getValue().last()) {
        latest = entry;
      }
    }
    if (latest == null) {
      throw new NoSuchElementException("an account without a name");
    }
    return latest;
  }

  /** The names in UTF-8 byte order, each with its first and last sighting. */
  static final class Coder extends CompactCoder<NameSpans> {
    static final Coder INSTANCE = new Coder();

    @Override
    protected void write(NameSpans n, CompactWriter out) {
      out.unsigned(n.spans.size());
      n.spans.forEach((name, span) -> out.string(name).signed(span.first()).signed(span.last()));
    }

    @Override
    protected NameSpans read(CompactReader in) {
      NameSpans n = new NameSpans();
      for (long i = in.unsigned(); i > 0; i--) {
        n.spans.put(in.string(), new Span(in.signed(), in.signed()));
      }
      return n;
    }
  }
}

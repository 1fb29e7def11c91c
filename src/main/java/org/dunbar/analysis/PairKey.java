package org.dunbar.analysis;

import java.util.Objects;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.model.Utf8Order;

/**
 * The key that groups events for the replay: an unordered pair of accounts (smaller first, in UTF-8
 * order; both the same for self-interactions), or one account's posts of one UTC day.
 *
 * <p>Posts have no second account; they are grouped by author and day only so that copies of one
 * post line meet (they share author and instant) without a prolific author's every post forming one
 * group.
 *
 * @param first the smaller account of the pair, or the author of the posts
 * @param second the larger account of the pair, or null for posts
 * @param postDay epoch day (UTC) of the posts; 0 for a pair
 */
public record PairKey(String first, String second, int postDay) {
  public PairKey {
    Objects.requireNonNull(first, "first");
  }

  /** The unordered pair {x, y}. */
  public static PairKey of(String x, String y) {
    return Utf8Order.compare(x, y) <= 0 ? new PairKey(x, y, 0) : new PairKey(y, x, 0);
  }

  /** The posts of {@code author} on epoch day {@code day}. */
  public static PairKey postsOf(String author, int day) {
    return new PairKey(author, null, day);
  }

  public boolean isPosts() {
    return second == null;
  }

  /** Deterministic, so it can key a grouping. */
  public static final class Coder extends CompactCoder<PairKey> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(PairKey key, CompactWriter out) {
      out.string(key.first).string(key.second).signed(key.postDay);
    }

    @Override
    protected PairKey read(CompactReader in) {
      return new PairKey(in.string(), in.string(), Math.toIntExact(in.signed()));
    }
  }
}

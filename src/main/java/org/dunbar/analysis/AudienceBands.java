package org.dunbar.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * Audience bands from upper bounds: band i holds counts in (bound[i-1], bound[i]], the first from
 * 0, then one open band past the last bound; an unknown count has its own band after all others.
 */
public final class AudienceBands implements Serializable {
  public static final String UNKNOWN = "unknown";
  private final long[] bounds;

  public AudienceBands(List<Long> bounds) {
    this.bounds = bounds.stream().mapToLong(Long::longValue).toArray();
  }

  public int order(Long followers) {
    if (followers == null) {
      return bounds.length + 1;
    }
    for (int i = 0; i < bounds.length; i++) {
      if (followers <= bounds[i]) {
        return i;
      }
    }
    return bounds.length;
  }

  public String label(int order) {
    if (order == bounds.length + 1) {
      return UNKNOWN;
    }
    if (order == bounds.length) {
      return (bounds[bounds.length - 1] + 1) + "+";
    }
    long low = order == 0 ? 0 : bounds[order - 1] + 1;
    return low + "-" + bounds[order];
  }
}

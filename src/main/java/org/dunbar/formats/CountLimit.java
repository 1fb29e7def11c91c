package org.dunbar.formats;

/**
 * The largest follower, following or post count an account can have. No platform has an account
 * near 10^12 followers, so a larger count is a corrupt field, not an observation; keeping counts
 * this small also keeps every sum of them over millions of accounts within a long.
 */
public final class CountLimit {
  public static final long MAX = 1_000_000_000_000L;

  private CountLimit() {}

  /** Whether {@code count} is a count an account can have: 0 to {@link #MAX}. */
  public static boolean plausible(long count) {
    return count >= 0 && count <= MAX;
  }
}

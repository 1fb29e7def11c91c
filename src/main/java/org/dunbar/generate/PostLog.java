package org.dunbar.generate;

/** Issues post ids and remembers each account's latest posts, so interactions can point at them. */
final class PostLog {
  /** People mostly react to what is new in their feed. */
  private static final int RECENT = 8;

  private final long[] recent;
  private final long[] created;
  private long nextId = 1;

  PostLog(int accounts) {
    recent = new long[accounts * RECENT];
    created = new long[accounts];
  }

  long create(int account) {
    long id = nextId++;
    recent[account * RECENT + (int) (created[account] % RECENT)] = id;
    created[account]++;
    return id;
  }

  boolean has(int account) {
    return created[account] > 0;
  }

  /** Posts this account made in the dump so far. */
  long created(int account) {
    return created[account];
  }

  /**
   * One of the account's latest posts, newer ones likelier; {@link GeneratedEvent#NONE} if none.
   */
  long recent(int account, Rng rng) {
    long made = created[account];
    if (made == 0) {
      return GeneratedEvent.NONE;
    }
    int available = (int) Math.min(made, RECENT);
    double u = rng.uniform();
    int back = (int) (available * u * u);
    return recent[account * RECENT + (int) ((made - 1 - back) % RECENT)];
  }
}

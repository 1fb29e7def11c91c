package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.dunbar.formats.CountLimit;
import org.dunbar.formats.Reasons;
import org.dunbar.records.Snapshot;

/**
 * The counts of one user object, not yet tied to a moment.
 *
 * @param following null when the object does not say
 * @param posts null when the object does not say
 */
record UserCounts(String account, long followers, Long following, Long posts) {

  /**
   * Reads the counts held in {@code counts} (the v1.1 user object itself, or a v2 user's {@code
   * public_metrics}). A user object without a follower count observed nothing, so it yields none; a
   * count that is there but not an integer from 0 to {@link CountLimit#MAX} rejects the record as
   * {@code bad_count}.
   *
   * @param where the path of {@code counts}, for the rejection detail
   */
  static Optional<UserCounts> read(
      String account,
      JsonNode counts,
      String where,
      String followersKey,
      String followingKey,
      String postsKey)
      throws Rejection {
    if (counts == null || isAbsent(counts.get(followersKey))) {
      return Optional.empty();
    }
    return Optional.of(
        new UserCounts(
            account,
            count(counts, followersKey, where),
            optionalCount(counts, followingKey, where),
            optionalCount(counts, postsKey, where)));
  }

  Snapshot at(long ts, String source, long line) {
    return new Snapshot(account, ts, followers, following, posts, source, line);
  }

  private static Long optionalCount(JsonNode counts, String key, String where) throws Rejection {
    return isAbsent(counts.get(key)) ? null : count(counts, key, where);
  }

  private static long count(JsonNode counts, String key, String where) throws Rejection {
    JsonNode value = counts.get(key);
    if (value.isIntegralNumber()
        && value.canConvertToLong()
        && CountLimit.plausible(value.longValue())) {
      return value.longValue();
    }
    throw new Rejection(Reasons.BAD_COUNT, where + "." + key + ": " + value);
  }

  private static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull();
  }
}

package org.dunbar.generate;

import java.time.Instant;

/**
 * One broken line per rejection reason of the SPEC, each looking like a real export accident and
 * failing exactly one check (earlier checks pass).
 */
enum Malformation {
  /** Cut off mid-record, as the last line of an interrupted export. */
  UNPARSABLE {
    @Override
    String line(String actor, String other, long at) {
      return "{\"type\":\"reply\",\"actor\":\"" + actor + "\",\"target\":\"" + other + "\",\"ts\":";
    }
  },
  MISSING_TYPE {
    @Override
    String line(String actor, String other, long at) {
      return "{\"actor\":\""
          + actor
          + "\",\"target\":\""
          + other
          + "\",\"ts\":\""
          + iso(at)
          + "\"}";
    }
  },
  UNKNOWN_TYPE {
    @Override
    String line(String actor, String other, long at) {
      return record("bookmark", "\"" + actor + "\"", other, "\"" + iso(at) + "\"");
    }
  },
  /** An empty string counts as missing. */
  MISSING_ACTOR {
    @Override
    String line(String actor, String other, long at) {
      return record("like", "\"\"", other, "\"" + iso(at) + "\"");
    }
  },
  /** A reply needs a target; only a post may go without. */
  MISSING_TARGET {
    @Override
    String line(String actor, String other, long at) {
      return "{\"type\":\"reply\",\"actor\":\"" + actor + "\",\"ts\":\"" + iso(at) + "\"}";
    }
  },
  /** null is not a present value. */
  MISSING_TS {
    @Override
    String line(String actor, String other, long at) {
      return record("mention", "\"" + actor + "\"", other, "null");
    }
  },
  /** Local time without an offset: the SPEC requires one. */
  BAD_TIMESTAMP {
    @Override
    String line(String actor, String other, long at) {
      String local = iso(at).substring(0, 19);
      return record("message", "\"" + actor + "\"", other, "\"" + local + "\"");
    }
  },
  SELF_FOLLOW {
    @Override
    String line(String actor, String other, long at) {
      return record("follow", "\"" + actor + "\"", actor, "\"" + iso(at) + "\"");
    }
  },
  /** One second before the SPEC's default not_before. */
  TS_BEFORE_2000 {
    @Override
    String line(String actor, String other, long at) {
      return record("mention", "\"" + actor + "\"", other, "\"1999-12-31T23:59:59Z\"");
    }
  };

  /**
   * @param actor an account name
   * @param other a different account name
   * @param at epoch milliseconds near which the line sits in the dump
   */
  abstract String line(String actor, String other, long at);

  private static String record(String type, String actorJson, String target, String tsJson) {
    return "{\"type\":\""
        + type
        + "\",\"actor\":"
        + actorJson
        + ",\"target\":\""
        + target
        + "\",\"ts\":"
        + tsJson
        + "}";
  }

  private static String iso(long at) {
    return Instant.ofEpochSecond(Math.floorDiv(at, 1000)).toString();
  }
}

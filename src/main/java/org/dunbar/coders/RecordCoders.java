package org.dunbar.coders;

import org.dunbar.records.AccountPeriod;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.CohortKey;
import org.dunbar.records.DaySeen;
import org.dunbar.records.Event;
import org.dunbar.records.FollowDay;
import org.dunbar.records.FollowFact;
import org.dunbar.records.PostClaim;
import org.dunbar.records.Snapshot;
import org.dunbar.records.SnapshotSummary;

/**
 * Compact coders for the Avro records that travel between stages. The records keep their Avro
 * schemas (the documentation of what flows where); only their wire form is hand-written, because
 * Avro's reflective reader cost more than the analyses themselves on the study's largest shuffles.
 */
public final class RecordCoders {
  private RecordCoders() {}

  /** A canonical event, every field. */
  public static CompactCoder<Event> event() {
    return EventCoder.INSTANCE;
  }

  public static CompactCoder<AccountPeriod> accountPeriod() {
    return AccountPeriodCoder.INSTANCE;
  }

  public static CompactCoder<FollowDay> followDay() {
    return FollowDayCoder.INSTANCE;
  }

  public static CompactCoder<CohortKey> cohortKey() {
    return CohortKeyCoder.INSTANCE;
  }

  public static CompactCoder<PostClaim> postClaim() {
    return PostClaimCoder.INSTANCE;
  }

  private static final class PostClaimCoder extends CompactCoder<PostClaim> {
    static final PostClaimCoder INSTANCE = new PostClaimCoder();

    @Override
    protected void write(PostClaim c, CompactWriter out) {
      out.string(c.getType())
          .string(c.getActor())
          .string(c.getTarget())
          .string(c.getSource())
          .unsigned(c.getLine());
    }

    @Override
    protected PostClaim read(CompactReader in) {
      return new PostClaim(in.string(), in.string(), in.string(), in.string(), in.unsigned());
    }
  }

  /** An account snapshot as read, every field. */
  public static CompactCoder<Snapshot> snapshot() {
    return SnapshotCoder.INSTANCE;
  }

  public static CompactCoder<SnapshotSummary> snapshotSummary() {
    return SnapshotSummaryCoder.INSTANCE;
  }

  public static CompactCoder<DaySeen> daySeen() {
    return DaySeenCoder.INSTANCE;
  }

  /** A baseline follow edge as read, every field. */
  public static CompactCoder<BaselineEdge> baselineEdge() {
    return BaselineEdgeCoder.INSTANCE;
  }

  private static final class SnapshotCoder extends CompactCoder<Snapshot> {
    static final SnapshotCoder INSTANCE = new SnapshotCoder();

    @Override
    protected void write(Snapshot s, CompactWriter out) {
      out.string(s.getAccount())
          .signed(s.getTs())
          .unsigned(s.getFollowers())
          .optionalUnsigned(s.getFollowing())
          .optionalUnsigned(s.getPosts())
          .string(s.getSource())
          .unsigned(s.getLine());
    }

    @Override
    protected Snapshot read(CompactReader in) {
      return new Snapshot(
          in.string(),
          in.signed(),
          in.unsigned(),
          in.optionalUnsigned(),
          in.optionalUnsigned(),
          in.string(),
          in.unsigned());
    }
  }

  private static final class SnapshotSummaryCoder extends CompactCoder<SnapshotSummary> {
    static final SnapshotSummaryCoder INSTANCE = new SnapshotSummaryCoder();

    @Override
    protected void write(SnapshotSummary s, CompactWriter out) {
      out.signed(s.getFirstTs())
          .unsigned(s.getFirstFollowers())
          .signed(s.getLastTs())
          .unsigned(s.getLastFollowers());
    }

    @Override
    protected SnapshotSummary read(CompactReader in) {
      return new SnapshotSummary(in.signed(), in.unsigned(), in.signed(), in.unsigned());
    }
  }

  private static final class DaySeenCoder extends CompactCoder<DaySeen> {
    static final DaySeenCoder INSTANCE = new DaySeenCoder();

    @Override
    protected void write(DaySeen d, CompactWriter out) {
      out.signed(d.getFirstTs())
          .unsigned(d.getFirstFollowers())
          .signed(d.getLastTs())
          .unsigned(d.getLastFollowers())
          .signed(d.getMaxTs())
          .unsigned(d.getMaxFollowers());
    }

    @Override
    protected DaySeen read(CompactReader in) {
      return new DaySeen(
          in.signed(), in.unsigned(), in.signed(), in.unsigned(), in.signed(), in.unsigned());
    }
  }

  private static final class BaselineEdgeCoder extends CompactCoder<BaselineEdge> {
    static final BaselineEdgeCoder INSTANCE = new BaselineEdgeCoder();

    @Override
    protected void write(BaselineEdge e, CompactWriter out) {
      out.string(e.getFollower())
          .string(e.getFollowee())
          .string(e.getSource())
          .unsigned(e.getLine());
    }

    @Override
    protected BaselineEdge read(CompactReader in) {
      return new BaselineEdge(in.string(), in.string(), in.string(), in.unsigned());
    }
  }

  public static CompactCoder<FollowFact> followFact() {
    return FollowFactCoder.INSTANCE;
  }

  private static final class FollowFactCoder extends CompactCoder<FollowFact> {
    static final FollowFactCoder INSTANCE = new FollowFactCoder();

    @Override
    protected void write(FollowFact f, CompactWriter out) {
      out.string(f.getFollowee())
          .string(f.getFollower())
          .signed(f.getTs())
          .string(f.getReason())
          .bool(f.getChurned())
          .bool(f.getRetained30d())
          .bool(f.getRetained90d())
          .bool(f.getEngaged90d())
          .bool(f.getConversed90d());
    }

    @Override
    protected FollowFact read(CompactReader in) {
      return new FollowFact(
          in.string(),
          in.string(),
          in.signed(),
          in.string(),
          in.bool(),
          in.bool(),
          in.bool(),
          in.bool(),
          in.bool());
    }
  }

  private static final class EventCoder extends CompactCoder<Event> {
    static final EventCoder INSTANCE = new EventCoder();

    @Override
    protected void write(Event e, CompactWriter out) {
      out.string(e.getEventId())
          .string(e.getType())
          .string(e.getActor())
          .string(e.getTarget())
          .string(e.getPostId())
          .string(e.getParentId())
          .signed(e.getTs())
          .string(e.getSource())
          .unsigned(e.getLine());
    }

    @Override
    protected Event read(CompactReader in) {
      return new Event(
          in.string(),
          in.string(),
          in.string(),
          in.string(),
          in.string(),
          in.string(),
          in.signed(),
          in.string(),
          in.unsigned());
    }
  }

  private static final class AccountPeriodCoder extends CompactCoder<AccountPeriod> {
    static final AccountPeriodCoder INSTANCE = new AccountPeriodCoder();

    @Override
    protected void write(AccountPeriod k, CompactWriter out) {
      out.string(k.getAccount()).signed(k.getPeriodStart());
    }

    @Override
    protected AccountPeriod read(CompactReader in) {
      return new AccountPeriod(in.string(), Math.toIntExact(in.signed()));
    }
  }

  private static final class FollowDayCoder extends CompactCoder<FollowDay> {
    static final FollowDayCoder INSTANCE = new FollowDayCoder();

    @Override
    protected void write(FollowDay k, CompactWriter out) {
      out.string(k.getAccount()).signed(k.getDay()).string(k.getReason());
    }

    @Override
    protected FollowDay read(CompactReader in) {
      return new FollowDay(in.string(), Math.toIntExact(in.signed()), in.string());
    }
  }

  private static final class CohortKeyCoder extends CompactCoder<CohortKey> {
    static final CohortKeyCoder INSTANCE = new CohortKeyCoder();

    @Override
    protected void write(CohortKey k, CompactWriter out) {
      out.signed(k.getBandOrder()).signed(k.getAcquisitionMonth()).string(k.getReason());
    }

    @Override
    protected CohortKey read(CompactReader in) {
      return new CohortKey(Math.toIntExact(in.signed()), Math.toIntExact(in.signed()), in.string());
    }
  }
}

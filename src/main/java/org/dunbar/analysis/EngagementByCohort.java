package org.dunbar.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.tables.Table;

/**
 * The {@code engagement_by_cohort} table: {@code account_engagement} rows summarised per audience
 * band and period by one combiner, so no band's rows are ever gathered in one place.
 */
public final class EngagementByCohort
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final AudienceBands bands;

  public EngagementByCohort(AudienceBands bands) {
    this.bands = bands;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> accountRows) {
    AudienceBands b = bands;
    return accountRows
        .apply(
            "Key by band and period",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.integers()),
                        TypeDescriptor.of(GenericRecord.class)))
                .via(
                    r ->
                        KV.of(
                            KV.of((Integer) r.get("band_order"), (Integer) r.get("period_start")),
                            r)))
        .setCoder(
            KvCoder.of(
                KvCoder.of(VarIntCoder.of(), VarIntCoder.of()), Table.ACCOUNT_ENGAGEMENT.coder()))
        .apply("Summarise cohort", Combine.perKey(new CohortFn()))
        .apply(
            "Cohort rows",
            MapElements.into(TypeDescriptor.of(GenericRecord.class))
                .via(
                    kv ->
                        EngagementByCohortRow.of(
                            kv.getValue(),
                            b.label(kv.getKey().getKey()),
                            kv.getKey().getKey(),
                            kv.getKey().getValue())))
        .setCoder(Table.ENGAGEMENT_BY_COHORT.coder());
  }

  static final class CohortFn extends Combine.CombineFn<GenericRecord, CohortStats, CohortStats> {
    @Override
    public CohortStats createAccumulator() {
      return new CohortStats();
    }

    @Override
    public CohortStats addInput(CohortStats acc, GenericRecord row) {
      acc.add(row);
      return acc;
    }

    @Override
    public CohortStats mergeAccumulators(Iterable<CohortStats> accs) {
      CohortStats merged = new CohortStats();
      accs.forEach(merged::merge);
      return merged;
    }

    @Override
    public CohortStats extractOutput(CohortStats acc) {
      return acc;
    }

    @Override
    public Coder<CohortStats> getAccumulatorCoder(
        CoderRegistry registry, Coder<GenericRecord> input) {
      return new CohortStatsCoder();
    }

    @Override
    public Coder<CohortStats> getDefaultOutputCoder(
        CoderRegistry registry, Coder<GenericRecord> input) {
      return new CohortStatsCoder();
    }
  }

  /** Sums and sketches of one band and period. A sum is null until a non-null value arrives. */
  static final class CohortStats {
    private static final String TABLE = Table.ENGAGEMENT_BY_COHORT.tableName();

    long accounts;
    long activeAccounts;
    Long followersStartSum;
    Long engagersSum;
    Long engagedFollowersSum;

    /** followers_start summed over rows with a non-null engaged_followers. */
    Long engagedFollowersBase;

    long partnersSum;
    QuantileSketch engagerRate = new QuantileSketch();
    QuantileSketch engagementRate = new QuantileSketch();
    QuantileSketch replyBackRate = new QuantileSketch();
    QuantileSketch broadcastShare = new QuantileSketch();

    void add(GenericRecord row) {
      accounts++;
      // Active when any count sent is positive: a test, not a sum, so it cannot overflow.
      boolean active = false;
      for (String column :
          new String[] {
            "posts",
            "replies_sent",
            "mentions_sent",
            "quotes_sent",
            "messages_sent",
            "reshares_sent",
            "likes_sent"
          }) {
        active |= (Long) row.get(column) > 0;
      }
      activeAccounts += active ? 1 : 0;
      Long followers = (Long) row.get("followers_start");
      followersStartSum = plus(followersStartSum, followers, "followers_start_sum");
      engagersSum = plus(engagersSum, (Long) row.get("engagers"), "engagers_sum");
      Long engaged = (Long) row.get("engaged_followers");
      engagedFollowersSum = plus(engagedFollowersSum, engaged, "engaged_followers_sum");
      if (engaged != null) {
        engagedFollowersBase = plus(engagedFollowersBase, followers, "engagement_rate_pooled");
      }
      partnersSum =
          plus(partnersSum, (Long) row.get("conversation_partners"), "conversation_partners_mean");
      addIfPresent(engagerRate, row.get("engager_rate"));
      addIfPresent(engagementRate, row.get("engagement_rate"));
      addIfPresent(replyBackRate, row.get("reply_back_rate"));
      addIfPresent(broadcastShare, row.get("broadcast_share"));
    }

    void merge(CohortStats o) {
      accounts += o.accounts;
      activeAccounts += o.activeAccounts;
      followersStartSum = plus(followersStartSum, o.followersStartSum, "followers_start_sum");
      engagersSum = plus(engagersSum, o.engagersSum, "engagers_sum");
      engagedFollowersSum =
          plus(engagedFollowersSum, o.engagedFollowersSum, "engaged_followers_sum");
      engagedFollowersBase =
          plus(engagedFollowersBase, o.engagedFollowersBase, "engagement_rate_pooled");
      partnersSum = plus(partnersSum, o.partnersSum, "conversation_partners_mean");
      engagerRate.merge(o.engagerRate);
      engagementRate.merge(o.engagementRate);
      replyBackRate.merge(o.replyBackRate);
      broadcastShare.merge(o.broadcastShare);
    }

    private static void addIfPresent(QuantileSketch sketch, Object value) {
      if (value != null) {
        sketch.add((Double) value);
      }
    }

    /** {@code sum + value} exactly, null-aware; {@code column} is what an overflow names. */
    private static Long plus(Long sum, Long value, String column) {
      if (value == null) {
        return sum;
      }
      return sum == null ? value : Long.valueOf(ExactSum.add(sum, value, TABLE, column));
    }
  }

  static final class CohortStatsCoder extends AtomicCoder<CohortStats> {
    @Override
    public void encode(CohortStats s, OutputStream stream) throws IOException {
      DataOutputStream out = new DataOutputStream(stream);
      out.writeLong(s.accounts);
      out.writeLong(s.activeAccounts);
      for (Long sum :
          new Long[] {
            s.followersStartSum, s.engagersSum, s.engagedFollowersSum, s.engagedFollowersBase
          }) {
        out.writeBoolean(sum != null);
        out.writeLong(sum == null ? 0 : sum);
      }
      out.writeLong(s.partnersSum);
      for (QuantileSketch q :
          new QuantileSketch[] {
            s.engagerRate, s.engagementRate, s.replyBackRate, s.broadcastShare
          }) {
        q.encode(out);
      }
      out.flush();
    }

    @Override
    public CohortStats decode(InputStream stream) throws IOException {
      DataInputStream in = new DataInputStream(stream);
      CohortStats s = new CohortStats();
      s.accounts = in.readLong();
      s.activeAccounts = in.readLong();
      Long[] sums = new Long[4];
      for (int i = 0; i < sums.length; i++) {
        boolean present = in.readBoolean();
        long value = in.readLong();
        sums[i] = present ? value : null;
      }
      s.followersStartSum = sums[0];
      s.engagersSum = sums[1];
      s.engagedFollowersSum = sums[2];
      s.engagedFollowersBase = sums[3];
      s.partnersSum = in.readLong();
      s.engagerRate = QuantileSketch.decode(in);
      s.engagementRate = QuantileSketch.decode(in);
      s.replyBackRate = QuantileSketch.decode(in);
      s.broadcastShare = QuantileSketch.decode(in);
      return s;
    }
  }
}

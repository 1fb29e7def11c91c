package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.DaySeen;
import org.dunbar.records.Snapshot;

/**
 * Follower counts dated at tweet creation ({@code snapshot_time: created}) that fall impossibly
 * fast ({@link CountDrop#impossible}): the sign of counts retrieved long after the tweets they came
 * with, such as a REST lookup of 2006 tweets made in 2016. It takes the snapshots as read, before
 * one of each account and instant is kept, since two counts at one instant are such a sign too. One
 * line per account, its first such fall ({@link CountDrop#describe}); the run prints them as
 * warnings.
 *
 * <p>Each account's snapshots of a UTC day are summed up to the day's first, last and highest
 * count, so an account seen in a million tweets costs one summary a day. A fall is looked for from
 * a day's highest count to its last, when the highest comes first, and from a day's highest count
 * to the next observed day's first: a fall within a day that the day's last count does not show (a
 * high, a low, then a high again) is not found.
 */
public final class CreatedCountDrops
    extends PTransform<PCollection<Snapshot>, PCollection<String>> {
  private final Set<String> createdSources;

  /**
   * @param createdSources the input files whose snapshots are dated at tweet creation
   */
  public CreatedCountDrops(Set<String> createdSources) {
    this.createdSources = Set.copyOf(createdSources);
  }

  @Override
  public PCollection<String> expand(PCollection<Snapshot> snapshots) {
    Set<String> sources = createdSources;
    return snapshots
        .apply("Counts dated created", Filter.by(s -> sources.contains(s.getSource())))
        .apply(
            "One-snapshot days",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptor.of(AccountPeriod.class), TypeDescriptor.of(DaySeen.class)))
                .via(
                    s ->
                        KV.of(
                            new AccountPeriod(s.getAccount(), PeriodUnit.DAY.startOf(s.getTs())),
                            new DaySeen(
                                s.getTs(),
                                s.getFollowers(),
                                s.getTs(),
                                s.getFollowers(),
                                s.getTs(),
                                s.getFollowers()))))
        .setCoder(KvCoder.of(RecordCoders.accountPeriod(), RecordCoders.daySeen()))
        .apply(
            "First, last and highest of a day",
            Combine.perKey(
                new Combine.BinaryCombineFn<DaySeen>() {
                  @Override
                  public DaySeen apply(DaySeen a, DaySeen b) {
                    // Two counts at one instant contradict each other: the higher is taken as
                    // the first, the lower as the last, so that the fall between them shows. The
                    // highest count is its earliest observation, so that a fall after it shows.
                    DaySeen first =
                        a.getFirstTs() < b.getFirstTs()
                                || a.getFirstTs() == b.getFirstTs()
                                    && a.getFirstFollowers() >= b.getFirstFollowers()
                            ? a
                            : b;
                    DaySeen last =
                        a.getLastTs() > b.getLastTs()
                                || a.getLastTs() == b.getLastTs()
                                    && a.getLastFollowers() <= b.getLastFollowers()
                            ? a
                            : b;
                    DaySeen max =
                        a.getMaxFollowers() > b.getMaxFollowers()
                                || a.getMaxFollowers() == b.getMaxFollowers()
                                    && a.getMaxTs() <= b.getMaxTs()
                            ? a
                            : b;
                    return new DaySeen(
                        first.getFirstTs(),
                        first.getFirstFollowers(),
                        last.getLastTs(),
                        last.getLastFollowers(),
                        max.getMaxTs(),
                        max.getMaxFollowers());
                  }
                }))
        .apply(
            "Days by account",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.strings(), TypeDescriptor.of(DaySeen.class)))
                .via(kv -> KV.of(kv.getKey().getAccount(), kv.getValue())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.daySeen()))
        .apply("Group days", GroupByKey.create())
        .apply("First impossible fall", ParDo.of(new FirstFall()));
  }

  /** Walks an account's days in time order and describes the first impossible fall, if any. */
  static final class FirstFall extends DoFn<KV<String, Iterable<DaySeen>>, String> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<DaySeen>> account, OutputReceiver<String> out) {
      List<DaySeen> days = new ArrayList<>();
      account.getValue().forEach(days::add);
      days.sort(Comparator.comparingLong(DaySeen::getFirstTs));
      DaySeen previous = null;
      for (DaySeen day : days) {
        List<CountDrop> drops = new ArrayList<>();
        if (previous != null) {
          drops.add(
              new CountDrop(
                  account.getKey(),
                  previous.getMaxTs(),
                  previous.getMaxFollowers(),
                  day.getFirstTs(),
                  day.getFirstFollowers()));
        }
        drops.add(
            new CountDrop(
                account.getKey(),
                day.getMaxTs(),
                day.getMaxFollowers(),
                day.getLastTs(),
                day.getLastFollowers()));
        for (CountDrop drop : drops) {
          if (drop.impossible()) {
            out.output(drop.describe());
            return;
          }
        }
        previous = day;
      }
    }
  }
}

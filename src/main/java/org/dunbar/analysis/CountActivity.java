package org.dunbar.analysis;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.Event;

/**
 * Posts, and interactions sent and received by type, per (account, period), self-interactions
 * included. Follows are not activity. The counts are summed downstream by a combiner.
 */
public final class CountActivity extends PTransform<PCollection<Event>, PCollection<KV<AccountPeriod, long[]>>> {
  private final PeriodUnit period;

  public CountActivity(PeriodUnit period) {
    this.period = period;
  }

  @Override
  public PCollection<KV<AccountPeriod, long[]>> expand(PCollection<Event> events) {
    return events
        .apply("Sent and received", ParDo.of(new CountFn(period)))
        .setCoder(KvCoder.of(AvroCoder.specific(AccountPeriod.class), Tally.Coder.of()));
  }

  static final class CountFn extends DoFn<Event, KV<AccountPeriod, long[]>> {
    private final PeriodUnit period;

    CountFn(PeriodUnit period) {
      this.period = period;
    }

    @ProcessElement
    public void process(@Element Event e, OutputReceiver<KV<AccountPeriod, long[]>> out) {
      InteractionType type = InteractionType.of(e.getType());
      int start = period.startOf(e.getTs());
      if (type == InteractionType.POST) {
        out.output(KV.of(new AccountPeriod(e.getActor(), start), ActivityMeasure.of(ActivityMeasure.POSTS, 1)));
      } else if (type.isInteraction()) {
        out.output(KV.of(new AccountPeriod(e.getActor(), start), ActivityMeasure.of(ActivityMeasure.sent(type), 1)));
        out.output(KV.of(new AccountPeriod(e.getTarget(), start), ActivityMeasure.of(ActivityMeasure.received(type), 1)));
      }
    }
  }
}

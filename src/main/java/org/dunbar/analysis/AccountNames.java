package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.formats.NameSighting;
import org.dunbar.tables.Table;

/**
 * The {@code accounts} table (issue 11, "Accounts table"): one row per account the input names,
 * with the name it was seen under last, when, and how many distinct names it had. The input: every
 * {@link NameSighting} the adapters read (Twitter user objects, v1.1 mentions and replies, Bluesky
 * identity events). Of names last seen at the same instant, the greatest in UTF-8 byte order wins
 * ({@link NameSpans#latest}), so the rows are the same on every runner and parallelism. Names feed
 * nothing but this table.
 */
public final class AccountNames
    extends PTransform<PCollection<NameSighting>, PCollection<GenericRecord>> {
  @Override
  public PCollection<GenericRecord> expand(PCollection<NameSighting> sightings) {
    return sightings
        .apply(
            "Key by account",
            WithKeys.of(NameSighting::account).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), NameSighting.Coder.of()))
        .apply("Names per account", Combine.perKey(new NamesFn()))
        .apply(
            "Account rows",
            MapElements.into(TypeDescriptor.of(GenericRecord.class))
                .via(kv -> AccountsRow.of(kv.getKey(), kv.getValue())))
        .setCoder(Table.ACCOUNTS.coder());
  }

  /** Gathers an account's sightings into its distinct names and their first and last sightings. */
  static final class NamesFn extends Combine.CombineFn<NameSighting, NameSpans, NameSpans> {
    @Override
    public NameSpans createAccumulator() {
      return new NameSpans();
    }

    @Override
    public NameSpans addInput(NameSpans acc, NameSighting s) {
      acc.add(s.name(), new NameSpans.Span(s.ts(), s.ts()));
      return acc;
    }

    @Override
    public NameSpans mergeAccumulators(Iterable<NameSpans> accs) {
      NameSpans merged = new NameSpans();
      accs.forEach(merged::addAll);
      return merged;
    }

    @Override
    public NameSpans extractOutput(NameSpans acc) {
      return acc;
    }

    @Override
    public Coder<NameSpans> getAccumulatorCoder(CoderRegistry registry, Coder<NameSighting> input) {
      return NameSpans.Coder.INSTANCE;
    }

    @Override
    public Coder<NameSpans> getDefaultOutputCoder(
        CoderRegistry registry, Coder<NameSighting> input) {
      return NameSpans.Coder.INSTANCE;
    }
  }
}

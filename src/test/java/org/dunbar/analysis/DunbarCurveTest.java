package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;

/**
 * dunbar_curve from per-partner inputs as ReplayPairs.PARTNERS emits them; values worked out by
 * hand.
 */
class DunbarCurveTest {
  /**
   * One input per reciprocal partner: {1, directed interactions the account sent to that partner}.
   */
  private static List<KV<String, long[]>> partners(String account, long... sentToEachPartner) {
    return Arrays.stream(sentToEachPartner)
        .mapToObj(sent -> KV.of(account, new long[] {1, sent}))
        .toList();
  }

  private static GenericRecord bucket(
      long kMin, long kMax, long accounts, double meanW, double medianW) {
    return Table.DUNBAR_CURVE
        .row()
        .set("k_min", kMin)
        .set("k_max", kMax)
        .set("accounts", accounts)
        .set("mean_w", meanW)
        .set("median_w", medianW)
        .build();
  }

  @Test
  void bucketsOfPowersOfTwoWithMeanAndNearestRankMedian() {
    List<KV<String, long[]>> input = new ArrayList<>();
    // k = 1: w = 1, 2, 4, 7.
    input.addAll(partners("k1a", 1));
    input.addAll(partners("k1b", 2));
    input.addAll(partners("k1c", 4));
    input.addAll(partners("k1d", 7));
    // k = 2: w = (1 + 4) / 2 = 2.5 and (1 + 1) / 2 = 1.
    input.addAll(partners("k2a", 1, 4));
    input.addAll(partners("k2b", 1, 1));
    // k = 3: w = 3/3 = 1 and 6/3 = 2; k = 4: w = 12/4 = 3 and 4/4 = 1.
    input.addAll(partners("k3a", 1, 1, 1));
    input.addAll(partners("k3b", 1, 2, 3));
    input.addAll(partners("k4a", 2, 2, 2, 6));
    input.addAll(partners("k4b", 1, 1, 1, 1));
    // k = 5: w = 10/5 = 2; k = 8: w = (7 × 1 + 4) / 8 = 1.375.
    input.addAll(partners("k5", 1, 1, 1, 1, 6));
    input.addAll(partners("k8", 1, 1, 1, 1, 1, 1, 1, 4));

    Pipeline p = DirectPipelines.create();
    PCollection<GenericRecord> curve =
        p.apply(
                Create.of(input)
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), CountVector.Coder.of())))
            .apply(new DunbarCurve());
    PAssert.that(curve)
        .containsInAnyOrder(
            // mean 14/4; median the ⌈4/2⌉ = 2nd of 1, 2, 4, 7 (the mean of the middle two would be
            // 3).
            bucket(1, 1, 4, 3.5, 2.0),
            // mean 3.5/2; median the 1st of 1, 2.5.
            bucket(2, 2, 2, 1.75, 1.0),
            // k = 3 and 4 share a bucket: w 1, 1, 2, 3; mean 7/4; median the 2nd, 1 (the two w = 1
            // count twice).
            bucket(3, 4, 4, 1.75, 1.0),
            // k = 5 and 8: w 1.375, 2; mean 3.375/2; median the 1st.
            bucket(5, 8, 2, 1.6875, 1.375));
    DirectPipelines.run(p);
  }

  @Test
  void bucketBoundsArePowersOfTwo() {
    List<String> buckets =
        IntStream.rangeClosed(1, 17)
            .mapToObj(
                k -> {
                  long max = DunbarCurve.bucketMax(k);
                  return k + ":" + DunbarCurve.bucketMin(max) + "-" + max;
                })
            .toList();
    assertEquals(
        List.of(
            "1:1-1",
            "2:2-2",
            "3:3-4",
            "4:3-4",
            "5:5-8",
            "6:5-8",
            "7:5-8",
            "8:5-8",
            "9:9-16",
            "10:9-16",
            "11:9-16",
            "12:9-16",
            "13:9-16",
            "14:9-16",
            "15:9-16",
            "16:9-16",
            "17:17-32"),
        buckets);
  }
}

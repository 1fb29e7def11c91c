package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.dunbar.run.Study;
import org.junit.jupiter.api.Test;

/** Band i holds followers_start in (bound[i-1], bound[i]], the first from 0; unknown comes last. */
class AudienceBandsTest {
  private static final AudienceBands DEFAULT = new AudienceBands(Study.DEFAULT_BANDS);
  private static final AudienceBands CUSTOM = new AudienceBands(List.of(10L, 100L));

  /** "order|label" of a count, so one assertion shows both. */
  private static String band(AudienceBands bands, Long followers) {
    int order = bands.order(followers);
    return order + "|" + bands.label(order);
  }

  private static List<String> bands(AudienceBands bands, Long... followers) {
    return Arrays.stream(followers).map(f -> band(bands, f)).toList();
  }

  @Test
  void theDefaultBoundsAreTheSpecs() {
    assertEquals(List.of(5L, 15L, 50L, 150L, 500L, 1500L, 5000L, 50000L), Study.DEFAULT_BANDS);
  }

  @Test
  void everyDefaultBandAtBothEdges() {
    // Upper bounds are inclusive: 5 is still 0-5, 6 starts 6-15; 50000 is the last closed band.
    assertEquals(
        List.of(
            "0|0-5",
            "0|0-5",
            "1|6-15",
            "1|6-15",
            "2|16-50",
            "2|16-50",
            "3|51-150",
            "3|51-150",
            "4|151-500",
            "4|151-500",
            "5|501-1500",
            "5|501-1500",
            "6|1501-5000",
            "6|1501-5000",
            "7|5001-50000",
            "7|5001-50000",
            "8|50001+",
            "8|50001+"),
        bands(
            DEFAULT,
            0L,
            5L,
            6L,
            15L,
            16L,
            50L,
            51L,
            150L,
            151L,
            500L,
            501L,
            1500L,
            1501L,
            5000L,
            5001L,
            50000L,
            50001L,
            Long.MAX_VALUE));
  }

  @Test
  void dunbarsNumberIsTheLastCountOfItsBand() {
    assertEquals("3|51-150", band(DEFAULT, 150L));
    assertEquals("4|151-500", band(DEFAULT, 151L));
  }

  @Test
  void anUnknownCountIsBandNineWithTheDefaults() {
    assertEquals("9|unknown", band(DEFAULT, null));
  }

  @Test
  void customBoundsNameTheirBandsAndPutUnknownAfterTheOpenBand() {
    // Two bounds make three counted bands (0..2), so unknown is order 3 = bounds + 1.
    assertEquals(
        List.of("0|0-10", "0|0-10", "1|11-100", "1|11-100", "2|101+", "3|unknown"),
        bands(CUSTOM, 0L, 10L, 11L, 100L, 101L, null));
  }

  @Test
  void aSingleBoundOfZeroSplitsNoneFromSome() {
    AudienceBands zero = new AudienceBands(List.of(0L));
    assertEquals(List.of("0|0-0", "1|1+", "2|unknown"), bands(zero, 0L, 1L, null));
  }
}

package org.dunbar.analysis;

import java.io.Serializable;
import java.util.List;

/** The SPEC's analysis parameters, as the transforms need them. */
public record AnalysisParams(
    PeriodUnit period,
    int lookbackDays,
    int churnDays,
    long burstMin,
    double burstFactor,
    int replyWindowDays,
    List<Long> audienceBands)
    implements Serializable {

  public long lookbackMicros() {
    return lookbackDays * PeriodUnit.MICROS_PER_DAY;
  }

  public long churnMicros() {
    return churnDays * PeriodUnit.MICROS_PER_DAY;
  }

  public long replyWindowMicros() {
    return replyWindowDays * PeriodUnit.MICROS_PER_DAY;
  }

  public AudienceBands bands() {
    return new AudienceBands(audienceBands);
  }
}

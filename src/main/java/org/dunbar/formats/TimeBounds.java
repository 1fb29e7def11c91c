package org.dunbar.formats;

import java.io.Serializable;

/**
 * The study's accepted time range, both bounds inclusive, in epoch microseconds (UTC). Records
 * outside it are rejected as {@code ts_out_of_range}.
 *
 * @param notBefore earliest accepted instant
 * @param notAfter latest accepted instant, or null for no upper bound
 */
public record TimeBounds(long notBefore, Long notAfter) implements Serializable {
  public boolean contains(long micros) {
    return micros >= notBefore && (notAfter == null || micros <= notAfter);
  }
}

package org.dunbar.generate;

import java.util.SplittableRandom;

/**
 * Seeded randomness with the few distributions the generator needs. Everything is computed with
 * {@link StrictMath}, so one seed gives the same dump on every JVM and CPU.
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this(new SplittableRandom(seed));
  }

  private Rng(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream, so one concern drawing more numbers never shifts another's. */
  Rng split() {
    return new Rng(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  long nextLong() {
    return random.nextLong();
  }

  long between(long min, long max) {
    return random.nextLong(min, max + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Box–Muller; the JDK's own nextGaussian is not specified to be stable across versions. */
  double gaussian() {
    double u = 1.0 - random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u))
        * StrictMath.cos(2.0 * StrictMath.PI * random.nextDouble());
  }

  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * gaussian()));
    }
    double limit = StrictMath.exp(-mean);
    int k = 0;
    for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
      k++;
    }
    return k;
  }

  /** A delay with a typical value and a long tail, as human response times have. */
  long logNormal(long median, double sigma, long min, long max) {
    long value = StrictMath.round(median * StrictMath.exp(sigma * gaussian()));
    return Math.max(min, Math.min(max, value));
  }
}

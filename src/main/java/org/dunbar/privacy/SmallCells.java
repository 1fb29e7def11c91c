package org.dunbar.privacy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Small-cell suppression of an aggregate table, as its schema's {@code "small_cells"} property
 * describes it: {@code size} names the column that counts what a row describes (accounts, or
 * follows for cohorts) and {@code shown} the row's coordinates. A row whose size is below {@code
 * min_cell} keeps its coordinates, gets {@code suppressed = true}, and every other column, the size
 * included, becomes null: a published count of 2 already says that two people are there.
 */
final class SmallCells {
  static final String PROPERTY = "small_cells";
  static final String SUPPRESSED = "suppressed";

  private final int size;
  private final int suppressed;
  private final int[] measures;

  private SmallCells(int size, int suppressed, int[] measures) {
    this.size = size;
    this.suppressed = suppressed;
    this.measures = measures;
  }

  /**
   * @return the table's suppression, or empty for a table without the property (a per-account
   *     table, whose rows each describe one account: pseudonymize those instead)
   * @throws IllegalStateException when the property names a column the schema lacks, or a column to
   *     be nulled is not nullable
   */
  static Optional<SmallCells> of(Schema schema) {
    Object property = schema.getObjectProp(PROPERTY);
    if (!(property instanceof Map<?, ?> cells)) {
      return Optional.empty();
    }
    int size = position(schema, String.valueOf(cells.get("size")));
    int suppressed = position(schema, SUPPRESSED);
    Set<Integer> kept = new HashSet<>(Set.of(suppressed));
    for (Object name : (List<?>) cells.get("shown")) {
      kept.add(position(schema, String.valueOf(name)));
    }
    int[] measures =
        IntStream.range(0, schema.getFields().size()).filter(i -> !kept.contains(i)).toArray();
    for (int i : measures) {
      Schema.Field field = schema.getFields().get(i);
      if (!field.schema().isNullable()) {
        throw new IllegalStateException(
            schema.getName()
                + "."
                + field.name()
                + " is suppressed in small cells but not nullable");
      }
    }
    return Optional.of(new SmallCells(size, suppressed, measures));
  }

  /**
   * Suppresses {@code row}, a copy the caller owns, when it describes fewer than {@code minCell}.
   */
  void apply(GenericRecord row, long minCell) {
    Object count = row.get(size);
    if (count != null && ((Number) count).longValue() < minCell) {
      for (int i : measures) {
        row.put(i, null);
      }
      row.put(suppressed, true);
    }
  }

  private static int position(Schema schema, String name) {
    Schema.Field field = schema.getField(name);
    if (field == null) {
      throw new IllegalStateException(
          schema.getName() + " has no column " + name + " for " + PROPERTY);
    }
    return field.pos();
  }
}

package org.dunbar.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;

/** Suppression at the boundary: a row of N − 1 is suppressed, a row of N is shown. */
class SmallCellsTest {
  private static GenericRecord curveRow(long accounts) {
    return new GenericData.Record(
        (GenericData.Record)
            Table.DUNBAR_CURVE
                .row()
                .set("k_min", 3L)
                .set("k_max", 4L)
                .set("accounts", accounts)
                .set("mean_w", 2.5)
                .set("median_w", 2.0)
                .build(),
        false);
  }

  @Test
  void aRowOfFewerThanMinCellKeepsOnlyItsCoordinates() {
    SmallCells cells = SmallCells.of(Table.DUNBAR_CURVE.schema()).orElseThrow();
    GenericRecord small = curveRow(4);
    cells.apply(small, 5);
    assertEquals(Arrays.asList(3L, 4L, null, null, null, true), values(small));
    GenericRecord enough = curveRow(5);
    cells.apply(enough, 5);
    assertEquals(Arrays.asList(3L, 4L, 5L, 2.5, 2.0, false), values(enough));
  }

  @Test
  void cohortsCountFollowsAndKeepTheirReason() {
    SmallCells cells = SmallCells.of(Table.ACQUISITION_COHORTS.schema()).orElseThrow();
    GenericRecord row =
        Table.ACQUISITION_COHORTS
            .row()
            .set("audience_band", "0-5")
            .set("band_order", 0)
            .set("acquisition_month", 19723)
            .set("reason", "burst")
            .set("follows", 2L)
            .set("churned", 0L)
            .set("eligible_30d", 2L)
            .set("retained_30d", 2L)
            .set("eligible_90d", 0L)
            .set("retained_90d", 0L)
            .set("engaged_90d", 0L)
            .set("conversed_90d", 0L)
            .build();
    cells.apply(row, 3);
    assertEquals("burst", row.get("reason"));
    assertNull(row.get("follows"));
    assertNull(row.get("conversed_90d"));
    assertEquals(true, row.get("suppressed"));
  }

  @Test
  void onlyTheAggregateTablesHaveSmallCells() {
    for (Table table : Table.values()) {
      boolean aggregate =
          table == Table.ENGAGEMENT_BY_COHORT
              || table == Table.ACQUISITION_COHORTS
              || table == Table.DUNBAR_CURVE;
      // of() also checks that every suppressed column is nullable.
      Optional<SmallCells> cells = SmallCells.of(table.schema());
      assertEquals(aggregate, cells.isPresent(), table.tableName());
    }
  }

  @Test
  void everyIdColumnIsMarkedForPseudonyms() {
    for (Table table : Table.values()) {
      assertEquals(
          table != Table.ACQUISITION_COHORTS
              && table != Table.ENGAGEMENT_BY_COHORT
              && table != Table.DUNBAR_CURVE
              && table != Table.NETWORK_LAYERS,
          IdColumns.of(table.schema()).any(),
          table.tableName());
    }
    assertTrue(
        Table.INTERACTION_EDGES
            .schema()
            .getField("target")
            .getProp(IdColumns.PROPERTY)
            .equals("pseudonym"));
  }

  private static java.util.List<Object> values(GenericRecord row) {
    return row.getSchema().getFields().stream().map(f -> row.get(f.pos())).toList();
  }
}

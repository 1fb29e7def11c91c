package org.dunbar.privacy;

import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.tables.Table;

/**
 * A table's rows as they are published: ids replaced by keyed pseudonyms when the study has a
 * {@link PseudonymKey}, small cells suppressed when it has a {@code min_cell}. Applied once, just
 * before a table is written, so every table gets the same pseudonym for an id (joins still work)
 * while the analyses upstream see the real ids. Where neither applies to the table the rows pass
 * through untouched, with no extra step.
 */
public final class ReleaseRows
    extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final Table table;
  private final PseudonymKey key;
  private final Long minCell;

  /**
   * @param key the pseudonym key, or null for real ids
   * @param minCell the smallest published cell (accounts, or follows for cohorts), or null for no
   *     suppression
   */
  public ReleaseRows(Table table, PseudonymKey key, Long minCell) {
    super("Release " + table.tableName());
    this.table = table;
    this.key = key;
    this.minCell = minCell;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> rows) {
    boolean pseudonymize = key != null && IdColumns.of(table.schema()).any();
    boolean suppress = minCell != null && SmallCells.of(table.schema()).isPresent();
    if (!pseudonymize && !suppress) {
      return rows;
    }
    return rows.apply(
            ParDo.of(new ReleaseFn(table, pseudonymize ? key : null, suppress ? minCell : null)))
        .setCoder(table.coder());
  }

  /** Copies each row (elements are immutable between stages) and changes the copy. */
  private static final class ReleaseFn extends DoFn<GenericRecord, GenericRecord> {
    private final Table table;
    private final PseudonymKey key;
    private final Long minCell;
    private transient Schema schema;
    private transient Pseudonyms pseudonyms;
    private transient IdColumns ids;
    private transient Optional<SmallCells> cells;

    ReleaseFn(Table table, PseudonymKey key, Long minCell) {
      this.table = table;
      this.key = key;
      this.minCell = minCell;
    }

    @Setup
    public void setup() {
      schema = table.schema();
      pseudonyms = key == null ? null : key.pseudonyms();
      ids = IdColumns.of(schema);
      cells = minCell == null ? Optional.empty() : SmallCells.of(schema);
    }

    @ProcessElement
    public void process(@Element GenericRecord row, OutputReceiver<GenericRecord> out) {
      GenericData.Record copy = new GenericData.Record(schema);
      for (int i = 0; i < schema.getFields().size(); i++) {
        copy.put(i, row.get(i));
      }
      if (pseudonyms != null) {
        ids.apply(copy, pseudonyms);
      }
      cells.ifPresent(c -> c.apply(copy, minCell));
      out.output(copy);
    }
  }
}

package org.dunbar.privacy;

import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The columns of a table that a pseudonymized run changes, as its schema marks them with the field
 * property {@code "release"}: {@code pseudonym} (an account or post id, replaced by its keyed
 * pseudonym), {@code withheld} (text that may hold ids and content: null) and {@code
 * values_withheld} (words that may quote a value of the input: cut before the first value).
 */
final class IdColumns {
  static final String PROPERTY = "release";

  private final int[] pseudonym;
  private final int[] withheld;
  private final int[] valuesWithheld;

  private IdColumns(Schema schema) {
    pseudonym = positions(schema, "pseudonym");
    withheld = positions(schema, "withheld");
    valuesWithheld = positions(schema, "values_withheld");
  }

  static IdColumns of(Schema schema) {
    return new IdColumns(schema);
  }

  boolean any() {
    return pseudonym.length + withheld.length + valuesWithheld.length > 0;
  }

  /** Changes the marked columns of {@code row}, a copy the caller owns. */
  void apply(GenericRecord row, Pseudonyms pseudonyms) {
    for (int i : pseudonym) {
      Object id = row.get(i);
      row.put(i, id == null ? null : pseudonyms.of(id.toString()));
    }
    for (int i : withheld) {
      row.put(i, null);
    }
    for (int i : valuesWithheld) {
      Object words = row.get(i);
      row.put(i, words == null ? null : withoutValues(words.toString()));
    }
  }

  /**
   * The words before the first value: details quote values ({@code actor and target 'ann'}) or put
   * them after a colon ({@code created_at: Tue 32 Jan}), and a value may be an id. Null when
   * nothing comes before it.
   */
  static String withoutValues(String detail) {
    int end = detail.length();
    for (char mark : new char[] {'\'', '"', ':'}) {
      int at = detail.indexOf(mark);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String words = detail.substring(0, end).strip();
    return words.isEmpty() ? null : words;
  }

  private static int[] positions(Schema schema, String role) {
    return IntStream.range(0, schema.getFields().size())
        .filter(i -> role.equals(schema.getFields().get(i).getProp(PROPERTY)))
        .toArray();
  }
}

package org.dunbar.analysis;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/** Builds one {@code accounts} row from an account's names (issue 11, "Accounts table"). */
final class AccountsRow {
  private AccountsRow() {}

  static GenericRecord of(String account, NameSpans names) {
    Map.Entry<String, NameSpans.Span> latest = names.latest();
    return Table.ACCOUNTS
        .row()
        .set("account", account)
        .set("name", latest.getKey())
        .set("name_first_seen_at", latest.getValue().first())
        .set("name_seen_at", latest.getValue().last())
        .set("first_seen_at", names.firstSeen())
        .set("names_seen", names.namesSeen())
        .build();
  }
}

package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The kinds a skipped record may have: they become tally names and manifest keys. */
class RecordSinkTest {
  @Test
  void lowerCaseNamesAreKinds() {
    assertEquals("delete", RecordSink.checkSkipKind("delete"));
    assertEquals("status_withheld", RecordSink.checkSkipKind("status_withheld"));
    assertEquals("unresolved_target.reply", RecordSink.checkSkipKind("unresolved_target.reply"));
  }

  @Test
  void anythingElseIsACallersBug() {
    for (String bad : new String[] {"", "Delete", "scrub geo", "_x", "9x", "a\tb"}) {
      assertThrows(IllegalArgumentException.class, () -> RecordSink.checkSkipKind(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> RecordSink.checkSkipKind(null));
  }
}

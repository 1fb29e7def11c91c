package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's lines about counts that fall impossibly fast, as the pipeline left them to it. */
class CountDropWarningsTest {
  @TempDir Path runDir;

  private void drops(String... lines) throws Exception {
    Files.createDirectories(runDir.resolve(CountDropWarnings.DIR));
    Files.write(runDir.resolve(CountDropWarnings.DIR).resolve("drops.txt"), List.of(lines));
  }

  @Test
  void eachAccountIsNamedInIdOrder() throws Exception {
    drops(
        "jack: 4,000,000 on 2006-03-21 to 1,200 on 2006-03-22",
        "biz: 9,000 on 2007-01-01 to 10 on 2007-01-02");
    List<String> lines = CountDropWarnings.read(runDir, false);
    assertEquals(2, lines.size());
    assertEquals(
        "follower counts dated at tweet creation fall faster than 10 % a day: biz: 9,000 on"
            + " 2007-01-01 to 10 on 2007-01-02; were they retrieved later? give the input"
            + " retrieved_at (docs/twitter.md)",
        lines.get(0));
  }

  @Test
  void aPseudonymizedRunCountsTheAccountsAndNamesNone() throws Exception {
    drops(
        "jack: 4,000,000 on 2006-03-21 to 1,200 on 2006-03-22",
        "biz: 9,000 on 2007-01-01 to 10 on 2007-01-02");
    assertEquals(
        List.of(
            "follower counts dated at tweet creation fall faster than 10 % a day for 2 accounts"
                + " (ids withheld: the run is pseudonymized); were they retrieved later? give the"
                + " input retrieved_at (docs/twitter.md)"),
        CountDropWarnings.read(runDir, true));
  }

  @Test
  void noCheckNoLines() throws Exception {
    assertEquals(List.of(), CountDropWarnings.read(runDir, true));
    assertEquals(List.of(), CountDropWarnings.read(runDir, false));
  }
}

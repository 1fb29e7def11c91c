package org.dunbar.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code report.html} into a run folder: one self-contained page (ECharts and the data
 * inlined, nothing fetched) whose script draws {@link ReportData} as charts and tables. The page
 * records what it drew, and any script error, as JSON in its {@code #report-check} element, which
 * is how the browser test reads it.
 */
public final class HtmlReport {
  public static final String FILE = "report.html";

  /** ECharts' single-file build, as the webjar ships it. */
  private static final String ECHARTS =
      "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private static final String TEMPLATE = "/org/dunbar/report/report.html";
  private static final String ECHARTS_SLOT = "/*@echarts@*/";
  private static final String DATA_SLOT = "/*@data@*/";

  private HtmlReport() {}

  /**
   * Reads the run folder and writes its report, replacing an older one.
   *
   * @return the file written
   * @throws IllegalArgumentException when the folder is not a run folder that ended
   * @throws IOException when a table cannot be read or the file cannot be written
   */
  public static Path write(Path runDir) throws IOException {
    String json = json(ReportData.read(runDir));
    String page =
        resource(TEMPLATE).replace(ECHARTS_SLOT, resource(ECHARTS)).replace(DATA_SLOT, json);
    // Written beside and renamed: a reader never sees half a page.
    Path tmp = runDir.resolve(FILE + ".tmp");
    Files.writeString(tmp, page, StandardCharsets.UTF_8);
    return Files.move(
        tmp,
        runDir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The data as a JSON literal that can sit inside a script element: no {@code <}, {@code >} or
   * {@code &}.
   */
  static String json(ReportData data) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new ScriptSafe());
    return mapper.writeValueAsString(data);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * JSON escapes that keep a string from closing the script element ({@code </script>}) it is in.
   */
  private static final class ScriptSafe extends CharacterEscapes {
    private final int[] escapes = standardAsciiEscapesForJSON();

    ScriptSafe() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}

package org.dunbar.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON parse failure in words for the rejected table's detail: where it is and what is wrong,
 * without the parser's internal hints (source descriptions, feature names to enable, char codes).
 */
public final class JsonErrors {
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");
  private static final Pattern CODE = Pattern.compile(" \\(code \\d+\\)");
  private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");

  private JsonErrors() {}

  /**
   * E.g. {@code invalid JSON near character 12: unexpected character ('x')}; "near byte" when the
   * parser read bytes.
   */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      return "invalid JSON: field '" + duplicate.group(1) + "' appears twice";
    }
    if (e instanceof JsonEOFException) {
      return "invalid JSON: it ends inside an object, array or string";
    }
    Matcher control = CONTROL.matcher(message);
    String what;
    if (control.find()) {
      what = "a control character (code " + control.group(1) + ") must be escaped inside a string";
    } else {
      // The summary before the parser's explanation ("...: was expecting ...", "...: enable ...").
      int colon = message.indexOf("):");
      int end =
          colon >= 0
              ? colon + 1
              : message.indexOf(':') >= 0 ? message.indexOf(':') : message.length();
      what = CODE.matcher(message.substring(0, end)).replaceAll("");
      int source = what.indexOf(" [Source");
      what = source >= 0 ? what.substring(0, source) : what;
      what =
          what.isEmpty()
              ? "not valid JSON"
              : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
    // The parser stops just past the fault: its 0-based offset is the 1-based position of the last
    // character (or, reading bytes, byte) it read, the end of a bad token.
    JsonLocation at = e.getLocation();
    long chars = at == null ? -1 : at.getCharOffset();
    long bytes = at == null ? -1 : at.getByteOffset();
    String near =
        chars >= 0
            ? " near character " + Math.max(chars, 1)
            : bytes >= 0 ? " near byte " + Math.max(bytes, 1) : "";
    return "invalid JSON" + near + ": " + what;
  }
}

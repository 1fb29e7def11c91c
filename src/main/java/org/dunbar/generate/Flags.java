package org.dunbar.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Command-line flags of the form {@code --name value} or {@code --name=value}, each at most once.
 */
final class Flags {
  private final Map<String, String> values = new LinkedHashMap<>();

  private Flags() {}

  static Flags parse(String[] args, List<String> allowed) {
    Flags flags = new Flags();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arg + "': expected one of " + describe(allowed));
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "unknown flag --" + name + ": expected one of " + describe(allowed));
      }
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (flags.values.put(name, value) != null) {
        throw new IllegalArgumentException("--" + name + " is given more than once");
      }
    }
    return flags;
  }

  /**
   * @return the value, or null when the flag is absent
   */
  String get(String name) {
    return values.get(name);
  }

  private static String describe(List<String> allowed) {
    return allowed.stream().map(n -> "--" + n).collect(Collectors.joining(", "));
  }
}

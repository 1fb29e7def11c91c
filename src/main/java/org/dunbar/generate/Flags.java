package org.dunbar.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Command-line flags of the form {@code --name value} or {@code --name=value}, each at most once;
 * switches ({@code --dry-run}) that take no value; and up to a given number of positional
 * arguments. Every problem is an {@link IllegalArgumentException} whose message is meant for the
 * user.
 */
public final class Flags {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Flags() {}

  /** Flags with values only, no switches and no positional arguments. */
  static Flags parse(String[] args, List<String> allowed) {
    return parse(args, allowed, List.of(), 0);
  }

  /**
   * @param allowed flags that take a value
   * @param switches flags that take none; {@link #has} tells whether one was given
   * @param maxPositional how many arguments that are no flag may be given, in any position
   * @throws IllegalArgumentException on an unknown flag, a missing value, a repeated flag or too
   *     many positional arguments
   */
  public static Flags parse(
      String[] args, List<String> allowed, List<String> switches, int maxPositional) {
    Flags flags = new Flags();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        if (flags.positional.size() >= maxPositional) {
          throw new IllegalArgumentException(
              "unexpected argument '" + arg + "': expected one of " + describe(allowed, switches));
        }
        flags.positional.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value;
      if (switches.contains(name) && eq < 0) {
        value = "true";
      } else if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "unknown flag --" + name + ": expected one of " + describe(allowed, switches));
      } else if (eq >= 0) {
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
  public String get(String name) {
    return values.get(name);
  }

  /** The value, or {@code fallback} when the flag is absent. */
  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** True when the flag or switch was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The arguments that are no flag, in the order given. */
  public List<String> positional() {
    return List.copyOf(positional);
  }

  private static String describe(List<String> allowed, List<String> switches) {
    return Stream.concat(allowed.stream(), switches.stream())
        .map(n -> "--" + n)
        .collect(Collectors.joining(", "));
  }
}

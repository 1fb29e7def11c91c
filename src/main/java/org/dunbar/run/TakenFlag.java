package org.dunbar.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A flag with a value taken out of a command's arguments, given as {@code --flag VALUE} or {@code
 * --flag=VALUE} anywhere among them; the last one given wins.
 *
 * @param value the value; null when the flag is absent
 * @param rest the other arguments, in order
 */
record TakenFlag(String value, List<String> rest) {
  /**
   * @throws StudyException naming the flag when it ends the arguments without a value
   */
  static TakenFlag take(List<String> args, String flag) {
    String value = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals(flag)) {
        if (i + 1 >= args.size()) {
          throw new StudyException(flag, "needs a value");
        }
        value = args.get(++i);
      } else if (arg.startsWith(flag + "=")) {
        value = arg.substring(flag.length() + 1);
      } else {
        rest.add(arg);
      }
    }
    return new TakenFlag(value, rest);
  }
}

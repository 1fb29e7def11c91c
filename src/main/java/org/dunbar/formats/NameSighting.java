package org.dunbar.formats;

import java.util.Optional;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * One place where the input names an account: a Twitter user object's {@code screen_name} or {@code
 * username}, a v1.1 mention's or reply's screen name, a Bluesky {@code identity} event's handle
 * (issue 11, "Accounts table").
 *
 * @param account the account id exactly as the adapter's events use it as actor or target
 * @param name the name the input gives it, as written (case kept)
 * @param ts when the input shows that name, epoch microseconds UTC
 */
public record NameSighting(String account, String name, long ts) {

  /**
   * The sighting, or empty when there is none to publish: an absent or empty account or name, or
   * one that is not valid Unicode (it has no UTF-8 form to write). A name never rejects or skips
   * its record: names do not take part in the accounting.
   */
  public static Optional<NameSighting> of(String account, String name, long ts) {
    if (account == null
        || name == null
        || account.isEmpty()
        || name.isEmpty()
        || Unicode.loneSurrogate(account) >= 0
        || Unicode.loneSurrogate(name) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new NameSighting(account, name, ts));
  }

  /** Every field, account first. */
  public static final class Coder extends CompactCoder<NameSighting> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(NameSighting s, CompactWriter out) {
      out.string(s.account).string(s.name).signed(s.ts);
    }

    @Override
    protected NameSighting read(CompactReader in) {
      return new NameSighting(in.string(), in.string(), in.signed());
    }
  }
}

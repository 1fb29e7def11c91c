package org.dunbar.analysis;

import java.util.Comparator;
import org.dunbar.canonical.Utf8Order;
import org.dunbar.records.AccountPeriod;

/** Helpers for the (account, period) key. */
final class AccountPeriods {
  static final Comparator<AccountPeriod> ORDER =
      Comparator.comparing(AccountPeriod::getAccount, Utf8Order.COMPARATOR).thenComparingInt(AccountPeriod::getPeriodStart);

  private AccountPeriods() {}
}

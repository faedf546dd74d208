package org.kho.logarchive;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kho.logarchive.Finding.Kind;
import org.kho.plan.LogMonths;

/**
 * Walks a source's chain of manifests: every link names the previous one's hash, sequence numbers
 * follow on, months follow on without holes up to the last closed month, and a head that points
 * back to a month still inside its retention is a removed month.
 */
final class ChainCheck {
  private final Chain chain;
  private final int keepMonths;
  private final List<Finding> findings = new ArrayList<>();

  ChainCheck(Chain chain, int keepMonths) {
    this.chain = chain;
    this.keepMonths = keepMonths;
  }

  List<Finding> run(Instant now, ZoneId zone) {
    chain.rejected.forEach(r -> findings.add(new Finding(r.month(), Kind.ALTERED, r.why())));
    List<Chain.Link> links = chain.links;
    if (links.isEmpty()) {
      return findings;
    }
    head(links.getFirst(), now, zone);
    for (int i = 1; i < links.size(); i++) {
      link(links.get(i - 1), links.get(i));
    }
    YearMonth last = links.getLast().month();
    for (YearMonth m = last.plusMonths(1); !m.isAfter(LogMonths.lastClosed(now, zone)); m = m.plusMonths(1)) {
      findings.add(new Finding(m, Kind.NOT_ARCHIVED, "closed, but no manifest follows " + last));
    }
    return findings;
  }

  private void head(Chain.Link first, Instant now, ZoneId zone) {
    if (first.manifest().previous() == null) {
      return;
    }
    YearMonth before = first.month().minusMonths(1);
    if (now.isBefore(LogMonths.keepUntil(before, keepMonths).atStartOfDay(zone).toInstant())) {
      findings.add(new Finding(before, Kind.MISSING, "the manifest of " + first.month() + " links to an earlier one "
          + "that is gone, though " + before + " is kept until " + LogMonths.keepUntil(before, keepMonths)));
    }
  }

  private void link(Chain.Link a, Chain.Link b) {
    Manifest ma = a.manifest();
    Manifest mb = b.manifest();
    boolean linked = Objects.equals(mb.previous(), a.hash());
    boolean next = mb.sequence() == ma.sequence() + 1;
    boolean inOrder = b.month().equals(a.month().plusMonths(1)) || (b.month().equals(a.month()) && !ma.closed());
    if (linked && next && inOrder) {
      return;
    }
    if (!next && b.month().isAfter(a.month())) {
      for (YearMonth m = a.month().plusMonths(1); m.isBefore(b.month()); m = m.plusMonths(1)) {
        findings.add(new Finding(m, Kind.MISSING, "its manifest is gone: the chain goes from " + a.month() + " (#"
            + ma.sequence() + ") to " + b.month() + " (#" + mb.sequence() + ")"));
      }
      if (!a.month().plusMonths(1).isBefore(b.month())) {
        findings.add(new Finding(b.month(), Kind.MISSING, "manifest #" + (ma.sequence() + 1) + " before it is gone"));
      }
      return;
    }
    if (!inOrder && linked && next && b.month().isAfter(a.month())) {
      for (YearMonth m = a.month().plusMonths(1); m.isBefore(b.month()); m = m.plusMonths(1)) {
        findings.add(new Finding(m, Kind.NOT_ARCHIVED, "the chain goes from " + a.month() + " to " + b.month()));
      }
      return;
    }
    findings.add(new Finding(b.month(), Kind.REORDERED, "manifest #" + mb.sequence() + " (" + b.month()
        + ") does not follow #" + ma.sequence() + " (" + a.month() + ")"
        + (linked ? "" : ": it names a different previous manifest")));
  }
}

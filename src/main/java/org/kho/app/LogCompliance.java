package org.kho.app;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.PolicyRule;
import org.kho.catalogue.PolicyTable;
import org.kho.logarchive.MonthState;
import org.kho.report.ComplianceReport.LogMonth;
import org.kho.report.ComplianceReport.LogReport;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Text;
import org.kho.report.ReportPeriod;

/**
 * One log source over a period: every closed month of the period archived in every target (from the
 * signed manifests, whose chain and signatures are checked as they are read), and kept long enough.
 */
final class LogCompliance {
  private final Catalogue catalogue;
  private final List<YearMonth> months;

  /** The closed months of {@code period} at {@code now} in {@code zone}. */
  LogCompliance(Catalogue catalogue, ReportPeriod period, java.time.Instant now, ZoneId zone) {
    this.catalogue = catalogue;
    YearMonth open = YearMonth.from(now.atZone(zone));
    List<YearMonth> closed = new ArrayList<>();
    for (YearMonth m = YearMonth.from(period.first()); m.isBefore(YearMonth.from(period.end())) && m.isBefore(open);
        m = m.plusMonths(1)) {
      closed.add(m);
    }
    this.months = List.copyOf(closed);
  }

  LogReport of(LogSource source, List<LogArchiveService.TargetMonths> read) {
    PolicyTable.Level min = catalogue.policy().at(source.securityLevel());
    List<LogMonth> rows = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (var target : source.targets()) {
      Optional<LogArchiveService.TargetMonths> t = read.stream()
          .filter(r -> r.source().equals(source.id().value()) && r.target().equals(target.value())).findFirst();
      if (t.isEmpty() || t.get().failure() != null) {
        unreadable.add(target.value() + ": " + t.map(LogArchiveService.TargetMonths::failure).orElse("not read"));
        continue;
      }
      for (YearMonth m : months) {
        rows.add(t.get().months().stream().filter(s -> s.month().equals(m)).findFirst()
            .map(s -> new LogMonth(m, target.value(), s.state().name(), s.files(), s.bytes(), Optional.of(s.keepUntil())))
            .orElse(new LogMonth(m, target.value(), MonthState.State.MISSING.name(), 0, 0, Optional.empty())));
      }
    }
    List<String> gaps = rows.stream().filter(r -> !r.state().equals(MonthState.State.ARCHIVED.name()))
        .map(r -> r.month() + " (" + r.target() + ")").toList();
    RuleResult archived = !unreadable.isEmpty()
        ? Rules.noData(Rule.LOG_MONTHS, Text.of("fact.logs.unreadable", String.join("; ", unreadable)), Text.of("fix.logs.unreadable"))
        : Rules.waivable(Rule.LOG_MONTHS, gaps.isEmpty(), gaps.isEmpty()
            ? Text.of("fact.logs.met", months.size(), source.targets().size())
            : Text.of("fact.logs.gaps", String.join(", ", gaps)), source.waivers().get(PolicyRule.LOG_FREQUENCY),
            Text.of("fix.logs.gaps", source.id().value()));
    RuleResult kept = Rules.waivable(Rule.LOG_RETENTION, source.keepMonths() >= min.logKeepMonths(),
        Text.of("fact.logs.keep", source.keepMonths(), min.logKeepMonths()), source.waivers().get(PolicyRule.LOG_RETENTION),
        Text.of("fix.logs.keep"));
    return new LogReport(source.id().value(), source.name(), source.securityLevel(), source.keepMonths(),
        min.logKeepMonths(), List.of(archived, kept), rows, unreadable);
  }
}

package org.kho.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kho.catalogue.CatalogueSpec.LogSpec;
import org.kho.catalogue.CatalogueSpec.MonthSpec;
import org.kho.core.LogSourceId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/** Checks one entry of {@code logs:} and builds its {@link LogSource}. */
final class LogRules {
  /** The schedule a log source gets when it names none: run after each month closes. */
  static final String DEFAULT_SCHEDULE = "monthly-logs";

  private LogRules() {}

  static Optional<LogSource> build(LogSpec s, String at, Checker c, ItemRules.Names names, PolicyTable policy) {
    Optional<LogSourceId> id = c.id(s.id(), at + "/id", "a log source", LogSourceId::new);
    String owner = "log source '" + id.map(LogSourceId::value).orElse("?") + "'";
    Optional<String> name = c.required(s.name(), at + "/name", owner, "e.g. name: Web server access logs");
    Optional<Integer> level = c.securityLevel(s.securityLevel(), at + "/securityLevel", owner, "the system the logs come from");
    List<String> paths = ItemRules.list(s.paths());
    if (paths.isEmpty()) {
      c.required(null, at + "/paths", owner, "list the log files, e.g. paths: [/var/log/nginx/*.log*]");
    }
    for (int i = 0; i < paths.size(); i++) {
      if (!paths.get(i).startsWith("/")) {
        c.error(at + "/paths/" + i, "path '" + paths.get(i) + "' is relative", "write the full path from /");
      }
      glob(paths.get(i), at + "/paths/" + i, c);
    }
    List<String> excludes = ItemRules.list(s.exclude());
    for (int i = 0; i < excludes.size(); i++) {
      glob(excludes.get(i), at + "/exclude/" + i, c);
    }
    Optional<MonthRule> month = month(s.month(), at + "/month", c);
    Integer keepDefault = level.filter(l -> l > 0).map(l -> policy.at(l).logKeepMonths()).orElse(3);
    Optional<Integer> keep = c.number(s.keepMonths(), at + "/keepMonths", 1, 1200, keepDefault);
    List<TargetId> targets = new ArrayList<>();
    List<String> rawTargets = ItemRules.list(s.targets());
    if (rawTargets.isEmpty()) {
      c.required(null, at + "/targets", owner, "name where the monthly archives go, e.g. targets: [nas]");
    }
    for (int i = 0; i < rawTargets.size(); i++) {
      c.reference(rawTargets.get(i), at + "/targets/" + i, "target", names.targets()).ifPresent(targets::add);
    }
    String scheduleName = s.schedule() == null ? DEFAULT_SCHEDULE : s.schedule();
    Optional<ScheduleId> schedule = c.reference(scheduleName, at + "/schedule", "schedule", names.schedules());
    Map<PolicyRule, String> waivers = c.waivers(s.waivers(), at + "/waivers");
    if (id.isEmpty() || name.isEmpty() || level.isEmpty() || paths.isEmpty() || month.isEmpty() || keep.isEmpty()
        || targets.isEmpty() || targets.size() != rawTargets.size() || schedule.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LogSource(id.get(), name.get(), level.get(), paths, ItemRules.list(s.exclude()), month.get(),
        keep.get(), targets, schedule.get(), Boolean.TRUE.equals(s.deleteOriginals()), waivers,
        Optional.ofNullable(s.allowSameDevice()).filter(r -> !r.isBlank())));
  }

  /** Reports a glob pattern that does not compile (an unclosed bracket or brace, a bad escape). */
  private static void glob(String pattern, String at, Checker c) {
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      c.error(at, "'" + pattern + "' is not a valid glob pattern: " + e.getDescription(),
          "close every [ and {, e.g. /var/log/nginx/*.log* or /var/log/{auth,syslog}*");
    }
  }

  private static Optional<MonthRule> month(MonthSpec m, String at, Checker c) {
    if (m == null || m.from() == null || m.from().equals("mtime")) {
      if (m != null && (m.regex() != null || m.format() != null)) {
        c.error(at, "'regex' and 'format' are for from: name or from: lines", "remove them, or set from: name");
        return Optional.empty();
      }
      return Optional.of(new MonthRule.FromMtime());
    }
    if (!m.from().equals("name") && !m.from().equals("lines")) {
      c.error(at + "/from", "'" + m.from() + "' is not one of name, lines, mtime", Suggestions.hint(m.from(), List.of("name", "lines", "mtime")));
      return Optional.empty();
    }
    Optional<String> regex = c.required(m.regex(), at + "/regex", "the month rule",
        "a regular expression whose first group is the date, e.g. regex: '-(\\d{8})'");
    Optional<String> format = c.required(m.format(), at + "/format", "the month rule", "the date's format, e.g. format: yyyyMMdd");
    if (regex.isEmpty() || format.isEmpty()) {
      return Optional.empty();
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex.get());
    } catch (PatternSyntaxException e) {
      c.error(at + "/regex", "invalid regular expression: " + e.getDescription(), "check brackets and escapes (\\\\d in YAML double quotes)");
      return Optional.empty();
    }
    if (pattern.matcher("").groupCount() < 1) {
      c.error(at + "/regex", "the regular expression has no group", "put the date in parentheses, e.g. '-(\\d{8})'");
      return Optional.empty();
    }
    try {
      MonthRule.formatter(format.get());
    } catch (IllegalArgumentException e) {
      c.error(at + "/format", "invalid date format: " + e.getMessage(), "use DateTimeFormatter letters, e.g. yyyyMMdd or dd/MMM/yyyy:HH:mm:ss Z");
      return Optional.empty();
    }
    return Optional.of(m.from().equals("name")
        ? new MonthRule.FromName(pattern, format.get())
        : new MonthRule.FromLines(pattern, format.get()));
  }
}

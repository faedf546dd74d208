package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.kho.app.QuickstartService;
import org.kho.plan.PlannedAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho quickstart}. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = {"Run Kho's main job on a built-in example.",
        "Writes an example config directory, checks it against the policy table, lists what the daemon would run "
            + "in the next days; then backs up a sample folder into a new encrypted repository (signed), backs it up "
            + "again after a change, restores it into a scratch folder, compares every byte, checks the repository, "
            + "and runs a restore drill on it whose signed report is kept in the repository."})
final class QuickstartCommand implements Callable<Integer> {
  private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private final Clock clock;

  @Option(names = "--dir", paramLabel = "DIR", description = "Work here (new or empty) instead of a new temporary folder.")
  private Path dir;

  @Option(names = "--days", paramLabel = "N", defaultValue = "31", description = "How many days to plan (default ${DEFAULT-VALUE}).")
  private int days;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  QuickstartCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    QuickstartService.Result r = new QuickstartService(clock).run(dir, days);
    PrintWriter out = spec.commandLine().getOut();
    out.println("1. Wrote an example config directory: " + r.init().directory() + " (" + r.init().written().size() + " files)");
    var c = r.check().catalogue().orElseThrow();
    out.printf("2. Checked it against policy table %s: %s, %s, %s, %s, %s; %s, %s%n", c.policy().version(),
        ProblemsView.count(c.items().size(), "item"), ProblemsView.count(c.targets().size(), "target"),
        ProblemsView.count(c.schedules().size(), "schedule"), ProblemsView.count(c.drillPlans().size(), "drill plan"),
        ProblemsView.count(c.logSources().size(), "log source"), ProblemsView.count(r.check().errors().size(), "error"),
        ProblemsView.count(r.check().problems().size() - r.check().errors().size(), "warning"));
    out.println("3. Planned the next " + days + " days: " + r.plan().actions().size() + " scheduled actions");
    Map<String, Long> byKind = new TreeMap<>();
    r.plan().actions().forEach(a -> byKind.merge(a.kind().label(), 1L, Long::sum));
    byKind.forEach((k, n) -> out.printf("     %-11s %d%n", k, n));
    r.plan().actions().stream().limit(5).forEach(a -> out.printf("     next: %s  %s %s%n", WHEN.format(a.at()), a.kind().label(), a.subject()));
    QuickstartService.Backups b = r.backups();
    printBackups(out, b);
    out.println();
    out.println("Try: kho catalogue show --config " + r.init().directory());
    out.println("     kho plan --config " + r.init().directory() + " --days 90");
    out.println("     kho snapshots --repo " + b.repository() + " --password-file " + b.passwordFile());
    out.println("     kho evidence verify --repo " + b.repository() + " --public-key " + b.signingKey().resolveSibling("signing.pub"));
    if (!r.check().errors().isEmpty()) {
      return ExitCodes.CONFIG_INVALID;
    }
    return b.ok() ? ExitCodes.OK : ExitCodes.DAMAGED;
  }

  private static void printBackups(PrintWriter out, QuickstartService.Backups b) {
    out.println("4. Generated a sample folder: " + b.sample() + " (" + Units.bytes(b.sampleBytes()) + ")");
    var first = b.first().snapshot();
    var s1 = first.snapshot().summary();
    out.printf("5. Backed it up into a new encrypted repository %s:%n", b.repository());
    out.printf("     snapshot %s: %d files, %s read, %s stored after dedup and compression; signed by %s%n",
        first.shortId(), s1.files(), Units.bytes(s1.bytes()), Units.bytes(s1.bytesStored()), first.snapshot().signer());
    var s2 = b.second().snapshot().snapshot().summary();
    out.printf("     changed one file, backed up again: snapshot %s read %d changed file, reused %d unchanged, added %s%n",
        b.second().snapshot().shortId(), s2.changedFiles() + s2.newFiles(), s2.unchangedFiles(), Units.bytes(s2.bytesStored()));
    out.printf("6. Restored that snapshot into %s: %d files, %d verified against their chunk ids; "
        + "byte-for-byte compare with the sample: %s%n", b.restored(), b.restore().files(), b.restore().verified(),
        b.identical() < 0 ? "DIFFERENT" : b.identical() + " identical files");
    out.printf("7. Checked the repository, reading all data: %s (%d packs, %s)%n",
        b.check().ok() ? "no errors" : b.check().errors().size() + " ERRORS", b.check().packsRead(),
        Units.bytes(b.check().bytesRead()));
    var d = b.drill().statement();
    out.printf("8. Ran a restore drill of the latest snapshot: %s; report %s signed into the repository's evidence%n",
        d.outcome(), d.id());
    d.items().forEach(i -> out.printf("     %d of %d files restored and verified (content and metadata), %s; RTO %s, RPO %s%n",
        i.filesVerified(), i.filesInSnapshot(), Units.bytes(i.bytesVerified()), Units.duration(d.rto().measured()),
        Units.duration(d.rpo().measured())));
    d.commands().forEach(c -> out.printf("     step '%s': %s, output: %s%n", c.name(), c.passed() ? "passed" : "FAILED",
        c.output().strip()));
    d.reasons().forEach(r -> out.println("     reason: " + r));
  }
}

package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho snapshots}. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "List the snapshots in a repository, oldest first.")
final class SnapshotsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Option(names = "--json", description = "Print the snapshots as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  SnapshotsCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (Repository r = repo.open(clock)) {
      List<String> damaged = new ArrayList<>();
      List<SnapshotRef> all = r.snapshots(damaged);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(all));
      } else {
        Table table = new Table("ID", "TIME", "HOST", "ITEM", "FILES", "SIZE", "SIGNED", "PATHS");
        ZoneId zone = clock.getZone();
        for (SnapshotRef s : all) {
          var snap = s.snapshot();
          table.row(s.shortId(), TIME.format(snap.time().atZone(zone)), snap.host(), snap.item() == null ? "-" : snap.item(),
              Long.toString(snap.summary().files()), Units.bytes(snap.summary().bytes()),
              snap.signer() == null ? "no" : "yes", String.join(" ", snap.paths()) + (snap.complete() ? "" : "  (incomplete)"));
        }
        table.print(out, "");
        out.println(all.size() + " snapshot" + (all.size() == 1 ? "" : "s"));
      }
      damaged.forEach(d -> spec.commandLine().getErr().println("kho: " + d));
      return damaged.isEmpty() ? ExitCodes.OK : ExitCodes.DAMAGED;
    }
  }
}

package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.kho.app.PruneService;
import org.kho.catalogue.Spans;
import org.kho.core.UsageException;
import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.PruneRequest;
import org.kho.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho prune}. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Free the space of data no snapshot uses any more (after 'kho forget'), safely while backups run.",
        "Phase 1 repacks packs that are mostly unused and condemns unused packs; a later prune (phase 2) deletes "
            + "condemned packs once the grace period is over and every process that started before them has ended.",
        "Prints what it would do; changes nothing without --apply."})
final class PruneCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "24h",
      description = "How long condemned packs wait before they are deleted (default: ${DEFAULT-VALUE}; 0 deletes in this run "
          + "when nothing else runs).")
  private String grace;
  @Option(names = "--repack-unused", paramLabel = "N%", defaultValue = "20%",
      description = "Repack a pack when at least N%% of its bytes are unused (default: ${DEFAULT-VALUE}).")
  private String repack;
  @Option(names = {"--apply", "--yes"}, description = "Repack, condemn and delete. Without it nothing is changed.")
  private boolean apply;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  PruneCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PruneRequest request = new PruneRequest(graceDuration(), percent(), apply);
    PrintWriter err = spec.commandLine().getErr();
    PruneReport r;
    try (Repository repository = repo.open(clock)) {
      r = new PruneService(repository).run(request, json ? PruneProgress.NONE : new PruneProgress() {
        @Override
        public void step(String what) {
          err.println("prune: " + what);
        }
      });
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(r));
      return ExitCodes.OK;
    }
    out.printf("%d snapshots, %d packs, %s stored, %s used%n", r.snapshots(), r.packs(), Units.bytes(r.packBytes()),
        Units.bytes(r.usedBytes()));
    String verb = r.applied() ? "condemned" : "would condemn";
    out.printf("unused: %d packs (%s) %s%n", r.unusedPacks(), Units.bytes(r.unusedBytes()), verb);
    out.printf("partly used: %d packs %s, %s of live data %s%n", r.repackPacks(), r.applied() ? "repacked" : "to repack",
        Units.bytes(r.repackBytes()), r.applied() ? "copied" : "to copy");
    if (r.applied()) {
      out.printf("deleted: %d packs (%s freed); %d kept because a snapshot made meanwhile uses them%n", r.deletedPacks(),
          Units.bytes(r.deletedBytes()), r.rescuedPacks());
      out.printf("waiting: %d condemned packs (grace period %s)%n", r.waiting(), grace);
      r.postponed().forEach(p -> out.println("postponed: " + p));
      leftovers(out, r, "removed");
    } else {
      out.printf("waiting: %d packs condemned by earlier prunes%n", r.waiting());
      leftovers(out, r, "would remove");
      out.println("nothing changed (dry run): run again with --apply");
    }
    return ExitCodes.OK;
  }

  private static void leftovers(PrintWriter out, PruneReport r, String verb) {
    if (r.leftoverFiles() > 0) {
      out.printf("leftovers: %s %d temporary files (%s) that interrupted writes left%n", verb, r.leftoverFiles(),
          Units.bytes(r.leftoverBytes()));
    }
  }

  private Duration graceDuration() {
    try {
      return grace.equals("0") ? Duration.ZERO : Spans.duration(grace);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--grace " + grace + ": " + e.getMessage(), "write e.g. 0, 30m, 24h, 7d");
    }
  }

  private int percent() {
    try {
      int n = Integer.parseInt(repack.endsWith("%") ? repack.substring(0, repack.length() - 1) : repack);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new UsageException("--repack-unused " + repack + " is not a percentage from 1% to 100%", "e.g. --repack-unused 20%");
  }
}

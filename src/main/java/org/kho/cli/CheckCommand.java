package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Callable;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.core.UsageException;
import org.kho.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check that a repository is intact.",
        "Always: every index, snapshot and tree is read and every chunk a file needs is indexed in a pack that exists. "
            + "With --read-data (or a subset of packs) every blob is decrypted and re-hashed. "
            + "Each problem is listed with the snapshots and files it affects."})
final class CheckCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Option(names = "--read-data", description = "Read and verify every pack.")
  private boolean readData;
  @Option(names = "--read-data-subset", paramLabel = "N%", description = "Read and verify a random N%% of the packs.")
  private String subset;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  CheckCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    CheckResult result;
    CheckRequest request = new CheckRequest(percent());
    try (Repository r = repo.open(request.options(Repository.Options.defaults(clock)));
        ProgressBar bar = new ProgressBar("check", !json)) {
      result = new CheckService(r, new Random()).run(request, bar);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(result));
    } else {
      result.warnings().forEach(w -> out.println("warning: " + w.what()));
      for (CheckResult.Finding e : result.errors()) {
        out.println("error: " + e.what());
        e.affected().forEach(a -> out.println("    affects " + a));
      }
      out.printf("%s: %d snapshots, %d trees, %d packs (%d read in full, %s)%s%n",
          result.ok() ? "no errors" : result.errors().size() + " error" + (result.errors().size() == 1 ? "" : "s"),
          result.snapshots(), result.trees(), result.packs(), result.packsRead(), Units.bytes(result.bytesRead()),
          result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings");
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.DAMAGED;
  }

  private int percent() {
    if (readData && subset != null) {
      throw new UsageException("--read-data and --read-data-subset exclude each other", "give one of them");
    }
    if (readData) {
      return 100;
    }
    if (subset == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(subset.endsWith("%") ? subset.substring(0, subset.length() - 1) : subset);
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new UsageException("--read-data-subset " + subset + " is not a percentage from 1% to 100%", "e.g. --read-data-subset 10%");
  }
}

package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.CopyService;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotCopier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho copy}: snapshots from one repository into another, for copies on other media (3-2-1). */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy snapshots into another repository (another disk, another site): all of them, or those named.",
        "Snapshots the target holds already are skipped, and so are chunks it holds. When the target was made with "
            + "'kho repo init --copy-params-from SOURCE' the data is copied as stored (no re-encryption) and each "
            + "snapshot keeps its original signature; otherwise the data is decrypted once, sealed under the target's "
            + "keys, and the copies are signed anew (--signing-key)."})
final class CopyCommand implements Callable<Integer> {
  private final Clock clock;
  @Option(names = "--from-repo", required = true, paramLabel = "DIR", description = "The repository copied from.")
  private Path fromRepo;
  @Mixin
  private FromCredentials from;
  @Option(names = "--to-repo", required = true, paramLabel = "DIR", description = "The repository copied into.")
  private Path toRepo;
  @Option(names = "--to-password-file", paramLabel = "FILE", defaultValue = "${env:KHO_PASSWORD_FILE}",
      description = "The password of the target repository. Default: $KHO_PASSWORD_FILE, then $KHO_PASSWORD, then a prompt.")
  private Path toPasswordFile;
  @Mixin
  private SigningOption signing;
  @Parameters(paramLabel = "SNAPSHOT", description = "'latest' or snapshot ids (at least 4 hex digits); default: all.")
  private List<String> snapshots = new ArrayList<>();
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  CopyCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    SnapshotCopier.Result result;
    try (Repository source = from.open(fromRepo, clock);
        Repository target = Repository.open(OpenRepository.existing(toRepo),
            RepoOptions.passphrase(toPasswordFile, "KHO_PASSWORD", "Target repository password", false),
            Repository.Options.defaults(clock));
        ProgressBar bar = new ProgressBar("copy", !json)) {
      result = new CopyService().copy(source, target, snapshots, signing.key(), bar);
    }
    print(result);
    return ExitCodes.OK;
  }

  private void print(SnapshotCopier.Result r) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("raw", r.raw());
      v.put("copied", r.copied().stream().map(c -> Map.of("from", c.from().id(), "to", c.to().id(),
          "signer", String.valueOf(c.to().snapshot().signer()))).toList());
      v.put("skipped", r.skipped().stream().map(s -> s.id()).toList());
      v.put("blobsCopied", r.blobsCopied());
      v.put("bytesCopied", r.bytesCopied());
      out.println(Json.write(v));
      return;
    }
    out.printf("copied %d snapshot%s (%d already there), %d chunks, %s; %s%n", r.copied().size(),
        r.copied().size() == 1 ? "" : "s", r.skipped().size(), r.blobsCopied(), Units.bytes(r.bytesCopied()),
        r.raw() ? "as stored (shared keys: no re-encryption, original signatures kept)"
            : "re-encrypted under the target's keys");
    for (SnapshotCopier.Copied c : r.copied()) {
      String signer = c.to().snapshot().signer();
      out.printf("  %s -> %s  %s%n", c.from().shortId(), c.to().shortId(),
          signer == null ? "NOT signed" : "signed by key " + signer);
    }
  }
}

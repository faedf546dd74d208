package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.core.UsageException;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.EvidenceReport;
import org.kho.evidence.EvidenceVerifier;
import org.kho.evidence.RecordFiles;
import org.kho.repository.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho evidence verify}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify every signed statement in a repository with only the public key.",
        "Checks each record's Ed25519 signature and signer, and that each signed snapshot is still there "
            + "with exactly the bytes that were signed; lists snapshots no record signs. Needs no password. "
            + "Exits 0 only when every record verifies and every snapshot is signed.",
        "With FILEs (wipe certificates from 'kho wipe certificates', ID.json), checks those instead of a repository.",
        "With one FILE that is an evidence bundle (from 'kho evidence export'), checks the whole bundle offline: the "
            + "signed manifest, every member's SHA-256, missing and stray members, every record's signature, snapshot "
            + "bindings, the audit-log chain and the period, naming each failing member. Give the key you hold with "
            + "--key; without it the bundle's own key is used, with a warning (a forger would ship their own key)."})
final class EvidenceVerifyCommand implements Callable<Integer> {
  @Option(names = "--repo", paramLabel = "DIR|URL", defaultValue = "${env:KHO_REPOSITORY}",
      description = "The repository: a folder, or an sftp:// or ftps:// URL. Default: $KHO_REPOSITORY.")
  private String repository;

  @picocli.CommandLine.Mixin
  private RemoteOptions remote = new RemoteOptions();

  @Option(names = {"--public-key", "--key"}, paramLabel = "FILE",
      description = "The agency's public key (signing.pub, PEM). Required but for a bundle, which carries one.")
  private Path publicKey;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Signed record files to check, e.g. a wipe certificate.")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (files.size() == 1 && BundleView.isBundle(files.getFirst())) {
      return new BundleView(spec.commandLine().getOut(), spec.commandLine().getErr(), json)
          .verify(files.getFirst(), Optional.ofNullable(publicKey).map(VerifyingKey::read));
    }
    if (publicKey == null) {
      throw new UsageException("no public key given", "pass --public-key signing.pub (the agency's public key)");
    }
    VerifyingKey key = VerifyingKey.read(publicKey);
    EvidenceReport report = !files.isEmpty() ? RecordFiles.verify(files, key)
        : new EvidenceVerifier(EvidenceStore.on(OpenRepository.storage(repository, remote))).verify(key);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(view(report)));
    } else {
      print(report, out);
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static Map<String, Object> view(EvidenceReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ok", report.ok());
    view.put("repository", report.repository());
    view.put("key", report.key());
    view.put("verified", report.verified());
    view.put("failures", report.failures());
    view.put("unsigned", report.unsigned());
    return view;
  }

  private static void print(EvidenceReport report, PrintWriter out) {
    out.println("Evidence of " + report.repository() + ", checked with key " + report.key());
    if (!report.verified().isEmpty()) {
      out.println();
      out.println("Verified");
      Table verified = new Table("TIME", "TYPE", "SNAPSHOT", "HOST", "ITEM/PLAN", "COPIED FROM");
      report.verified().forEach(v -> verified.row(dash(v.time()), describe(v.type()), dash(v.shortSnapshot()), dash(v.host()),
          dash(v.item()), v.copiedFrom() == null ? "-" : "repository " + v.copiedFrom().substring(0, 8)));
      verified.print(out, "  ");
    }
    if (!report.failures().isEmpty()) {
      out.println();
      out.println("Failed");
      report.failures().forEach(f -> out.println("  " + shortName(f.record()) + ": "
          + f.problem().label() + " — " + f.detail()));
    }
    if (!report.unsigned().isEmpty()) {
      out.println();
      out.println("Unsigned snapshots");
      report.unsigned().forEach(s -> out.println("  " + s.substring(0, 8) + "  no record signed by this key names it"));
    }
    out.println();
    out.println(summary(report));
  }

  private static String summary(EvidenceReport report) {
    String counts = report.verified().size() + " verified, " + report.failures().size() + " failed, "
        + ProblemsView.count(report.unsigned().size(), "unsigned snapshot");
    return (report.ok() ? "OK: " : "NOT OK: ") + counts;
  }

  /** A repository record by the first 8 hex digits of its name; a file by its path. */
  private static String shortName(String record) {
    return record.contains("/") || record.endsWith(".json") ? record : "evidence/" + record.substring(0, 8);
  }

  /** A record's type, with what it is for the types people look for. */
  private static String describe(String type) {
    return org.kho.drill.DrillStatement.TYPE.equals(type) ? type + " (drill report)" : type;
  }

  private static String dash(String value) {
    return value == null ? "-" : value;
  }
}

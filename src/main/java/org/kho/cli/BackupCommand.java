package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueBackupService;
import org.kho.app.CatalogueService;
import org.kho.app.CommandStreams;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupResult;
import org.kho.backup.BackupService;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.Repository;
import org.kho.repository.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho backup}: ad hoc paths into one repository, or catalogue items into their targets. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Back up folders and files: encrypted, deduplicated, signed.",
        "Ad hoc:        kho backup --repo DIR PATH...",
        "From catalogue: kho backup --config DIR [ITEM...]   (every item, or those named, into each of their targets)",
        "A command's output: kho backup --repo DIR --stdin-from-command \"pg_dump -Fc hr\" --stdin-name hr.dump",
        "Only files changed since the last snapshot of the same paths are read. Files that change, vanish or "
            + "cannot be read during the backup are listed, and the snapshot records them."})
final class BackupCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Mixin
  private SigningOption signing;
  @Option(names = {"-c", "--config"}, paramLabel = "DIR", description = "Back up catalogue items from this config directory.")
  private Path config;
  @Parameters(paramLabel = "PATH|ITEM", description = "Paths to back up; with --config, item ids (default: all items).")
  private List<String> args = new ArrayList<>();
  @Option(names = {"-e", "--exclude"}, paramLabel = "GLOB", description = "Leave out matching files and folders "
      + "(a name pattern like '*.tmp', or a path pattern relative to the source like 'cache/**' or '/build'). Repeatable.")
  private List<String> excludes = new ArrayList<>();
  @Option(names = "--tag", paramLabel = "TAG", description = "Tag the snapshot. Repeatable.")
  private List<String> tags = new ArrayList<>();
  @Option(names = "--parent", paramLabel = "SNAPSHOT", description = "Compare against this snapshot instead of the latest of the same paths.")
  private String parent;
  @Option(names = "--read-all", description = "Read every file, even those unchanged since the parent snapshot.")
  private boolean readAll;
  @Option(names = "--allow-same-device", paramLabel = "REASON",
      description = "Allow the repository on the same filesystem as a source, and record why.")
  private String allowSameDevice;
  @Option(names = "--stdin-from-command", paramLabel = "LINE", description = "Back up the standard output of this "
      + "command, streamed in with no temporary file, as the file /NAME of the snapshot (see --stdin-name). The backup "
      + "fails, and no snapshot is saved, if the command fails or exceeds --command-timeout.")
  private String stdinCommand;
  @Option(names = "--stdin-name", paramLabel = "NAME", defaultValue = "stdin",
      description = "The file name the command's output is stored as (default: stdin).")
  private String stdinName;
  @Mixin
  private CommandOptions commandOptions;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  BackupCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Optional<SigningKey> signer = signing.key();
    return config != null ? fromCatalogue(signer) : adHoc(signer);
  }

  private int adHoc(Optional<SigningKey> signer) {
    if (args.isEmpty() && stdinCommand == null) {
      throw new UsageException("nothing to back up", "give one or more paths, --stdin-from-command LINE, "
          + "or --config DIR for catalogue items");
    }
    List<BackupRequest.Source> sources = args.stream()
        .map(p -> new BackupRequest.Source(Path.of(p), excludes, List.of())).toList();
    List<BackupRequest.DataStream> streams = stdinCommand == null ? List.of()
        : List.of(stdinSource());
    BackupRequest request = new BackupRequest(sources, null, tags, Optional.ofNullable(parent), readAll,
        Optional.ofNullable(allowSameDevice), streams);
    try (Repository r = repo.openForData(clock); ProgressBar bar = new ProgressBar("backup", !json)) {
      signer.ifPresent(r::signWith);
      BackupResult result = new BackupService(r, clock, "kho " + VersionProvider.version()).run(request, bar);
      bar.close();
      print(List.of(view(null, null, result, null)));
      return result.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
  }

  private BackupRequest.DataStream stdinSource() {
    if (stdinName.isEmpty() || stdinName.contains("/") || stdinName.equals(".") || stdinName.equals("..")) {
      throw new UsageException("--stdin-name '" + stdinName + "' is not a file name", "give a name without '/', e.g. hr.dump");
    }
    return new CommandStreams(System.getenv()).source(stdinName, commandOptions.command(stdinCommand, "--stdin-from-command"));
  }

  private int fromCatalogue(Optional<SigningKey> signer) {
    if (stdinCommand != null) {
      throw new UsageException("--stdin-from-command is for ad hoc backups", "in the catalogue, give the item a source "
          + "'- command: [...]' with 'name:'");
    }
    var catalogue = new CatalogueService(clock).load(config);
    CatalogueBackupService.Outcome outcome;
    try (ProgressBar bar = new ProgressBar("backup", !json)) {
      outcome = new CatalogueBackupService(clock, "kho " + VersionProvider.version(), System.getenv())
          .run(catalogue, args, signer, bar);
    }
    List<Map<String, Object>> views = new ArrayList<>(outcome.runs().stream()
        .map(r -> view(r.item().value(), r.target().value(), r.result(), r.failure())).toList());
    outcome.hooks().forEach(h -> views.add(hookView(h)));
    print(views);
    if (outcome.failed()) {
      return ExitCodes.FAILED;
    }
    return outcome.runs().stream().allMatch(r -> r.result().complete()) ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }

  private static Map<String, Object> hookView(CatalogueBackupService.HookFailure h) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("item", h.item().value());
    v.put("hook", h.phase() + " hook '" + h.hook() + "'");
    v.put("error", h.failure().getMessage());
    v.put("hint", h.failure().hint());
    return v;
  }

  private static Map<String, Object> view(String item, String target, BackupResult r, Exception failure) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (item != null) {
      v.put("item", item);
      v.put("target", target);
    }
    if (failure != null) {
      v.put("error", failure.getMessage());
      v.put("hint", failure instanceof org.kho.core.KhoException k ? k.hint() : "");
      return v;
    }
    Snapshot s = r.snapshot().snapshot();
    v.put("snapshot", r.snapshot().id());
    v.put("parent", r.parent());
    v.put("signed", r.signed());
    v.put("signer", s.signer());
    v.put("complete", r.complete());
    v.put("summary", s.summary());
    v.put("problems", s.problems());
    return v;
  }

  private void print(List<Map<String, Object>> views) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(views.size() == 1 && !views.getFirst().containsKey("item") ? views.getFirst() : views));
      return;
    }
    for (Map<String, Object> v : views) {
      String prefix = !v.containsKey("item") ? "" : v.containsKey("hook") ? v.get("item") + " " + v.get("hook") + ": "
          : v.get("item") + " -> " + v.get("target") + ": ";
      if (v.containsKey("error")) {
        out.println(prefix + "FAILED: " + v.get("error"));
        out.println("  " + v.get("hint"));
        continue;
      }
      Snapshot.Summary s = (Snapshot.Summary) v.get("summary");
      out.printf("%ssnapshot %s saved%s: %d files, %d folders, %s; %d new, %d changed, %d unchanged%n", prefix,
          ((String) v.get("snapshot")).substring(0, 8), v.get("parent") == null ? "" : " (parent "
              + ((String) v.get("parent")).substring(0, 8) + ")", s.files(), s.dirs(), Units.bytes(s.bytes()),
          s.newFiles(), s.changedFiles(), s.unchangedFiles());
      out.printf("  added %s (%s stored) in %s, %s%n", Units.bytes(s.bytesAdded()), Units.bytes(s.bytesStored()),
          Units.duration(s.seconds()), Units.rate(s.bytes(), s.seconds()));
      out.println(Boolean.TRUE.equals(v.get("signed")) ? "  signed by key " + v.get("signer")
          : "  NOT signed: give --signing-key (or $KHO_SIGNING_KEY_FILE); the regulation asks for signed backups");
      @SuppressWarnings("unchecked")
      List<Snapshot.Problem> problems = (List<Snapshot.Problem>) v.get("problems");
      if (!problems.isEmpty()) {
        out.printf("  INCOMPLETE: %d file%s not saved as they were:%n", problems.size(), problems.size() == 1 ? "" : "s");
        problems.forEach(p -> out.println("    " + p.path() + ": " + p.what()));
      }
    }
  }
}

package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.repository.Node;
import org.kho.repository.SnapshotRef;
import org.kho.restore.SnapshotBrowser;
import org.kho.restore.SnapshotBrowser.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho diff}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Show what changed between two snapshots.",
        "One line per entry: + added, - removed, M content changed, U only permissions, owner or time changed. "
            + "Folders end in '/'. Needs the repository password."})
final class DiffCommand implements Callable<Integer> {
  private static final Map<Change.Kind, String> MARK = Map.of(Change.Kind.ADDED, "+", Change.Kind.REMOVED, "-",
      Change.Kind.MODIFIED, "M", Change.Kind.METADATA, "U");
  private static final Map<Change.Kind, String> NOUN = Map.of(Change.Kind.ADDED, "added", Change.Kind.REMOVED, "removed",
      Change.Kind.MODIFIED, "modified", Change.Kind.METADATA, "metadata changed");
  private final Clock clock;

  @Mixin
  private RepoOptions repo;

  @Parameters(index = "0", paramLabel = "SNAPSHOT1", description = "The older snapshot: 'latest' or the start of an id.")
  private String older;

  @Parameters(index = "1", paramLabel = "SNAPSHOT2", description = "The newer snapshot.")
  private String newer;

  @Option(names = "--json", description = "Print the changes as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  DiffCommand(Clock clock) {
    this.clock = clock;
  }

  /** The snapshots compared and what changed between them. */
  private record Comparison(SnapshotRef from, SnapshotRef to, List<Change> changes) {}

  @Override
  public Integer call() {
    Comparison c = OpenRepository.reading(this.repo, clock, repo -> {
      SnapshotRef from = repo.snapshot(older);
      SnapshotRef to = repo.snapshot(newer);
      return new Comparison(from, to, new SnapshotBrowser(repo).diff(from, to));
    });
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("from", c.from().id());
      view.put("to", c.to().id());
      view.put("changes", c.changes());
      out.println(Json.write(view));
      return ExitCodes.OK;
    }
    out.println("Snapshot " + c.from().shortId() + " -> " + c.to().shortId());
    c.changes().forEach(ch -> out.println(line(ch)));
    out.println(summary(c.changes()));
    return ExitCodes.OK;
  }

  private static String line(Change c) {
    String path = c.path() + (c.type() == Node.Type.DIR ? "/" : "");
    String what = c.kind() == Change.Kind.METADATA ? "  (" + String.join(", ", c.what()) + ")" : "";
    return MARK.get(c.kind()) + "  " + path + what;
  }

  private static String summary(List<Change> changes) {
    Map<Change.Kind, Integer> counts = new EnumMap<>(Change.Kind.class);
    for (Change.Kind k : Change.Kind.values()) {
      counts.put(k, 0);
    }
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    StringBuilder s = new StringBuilder();
    counts.forEach((k, n) -> s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(NOUN.get(k)));
    return s.toString();
  }
}

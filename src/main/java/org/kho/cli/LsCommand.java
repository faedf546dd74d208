package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.repository.Node;
import org.kho.repository.SnapshotRef;
import org.kho.restore.SnapshotBrowser;
import org.kho.restore.SnapshotBrowser.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho ls}. */
@Command(name = "ls", mixinStandardHelpOptions = true,
    description = {"List the files in a snapshot.",
        "Without PATH, everything in the snapshot; with a folder, its entries (and with -R everything "
            + "below them); with a file, that file. Paths are absolute, as backed up. Needs the repository password."})
final class LsCommand implements Callable<Integer> {
  private static final String PERMISSIONS = "rwxrwxrwx";
  private final Clock clock;
  private final DateTimeFormatter time;

  @Mixin
  private RepoOptions repo;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "'latest' or the start of a snapshot id.")
  private String snapshot;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PATH", description = "A folder or file in the snapshot.")
  private String path;

  @Option(names = {"-R", "--recursive"}, description = "With PATH, list everything below it too.")
  private boolean recursive;

  @Option(names = {"-l", "--long"}, description = "Show type and permissions, owner, group, size and modification time.")
  private boolean longFormat;

  @Option(names = "--json", description = "Print the entries as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  LsCommand(Clock clock) {
    this.clock = clock;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
  }

  /** The snapshot listed and its entries. */
  private record Listing(SnapshotRef snapshot, List<Entry> entries) {}

  @Override
  public Integer call() {
    Listing listing = OpenRepository.reading(this.repo, clock, repo -> {
      SnapshotRef snap = repo.snapshot(snapshot);
      return new Listing(snap, new SnapshotBrowser(repo).list(snap, path, path == null || recursive));
    });
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("snapshot", listing.snapshot().id());
      view.put("entries", listing.entries());
      out.println(Json.write(view));
    } else if (longFormat) {
      Table table = new Table("MODE", "USER", "GROUP", "SIZE", "MODIFIED", "PATH");
      listing.entries().forEach(e -> table.row(mode(e), e.user(), e.group(), e.type() == Node.Type.FILE ? e.size() : "",
          e.mtime() == null ? "" : time.format(e.mtime()), name(e)));
      table.print(out, "");
    } else {
      listing.entries().forEach(e -> out.println(name(e)));
    }
    return ExitCodes.OK;
  }

  private static String name(Entry e) {
    return e.path() + (e.linkTarget() == null ? "" : " -> " + e.linkTarget());
  }

  /** {@code drwsr-x--T} as {@code ls -l} writes it, setuid, setgid and sticky bits included. */
  private static String mode(Entry e) {
    StringBuilder s = new StringBuilder().append(switch (e.type()) {
      case DIR -> 'd';
      case SYMLINK -> 'l';
      case FIFO -> 'p';
      case OTHER -> '?';
      case FILE -> '-';
    });
    for (int i = 0; i < PERMISSIONS.length(); i++) {
      s.append((e.mode() & (1 << (8 - i))) != 0 ? PERMISSIONS.charAt(i) : '-');
    }
    special(s, e.mode(), 04000, 3, 's');
    special(s, e.mode(), 02000, 6, 's');
    special(s, e.mode(), 01000, 9, 't');
    return s.toString();
  }

  /** Puts a set special bit in the execute place: lower case over x, upper case over -. */
  private static void special(StringBuilder s, int mode, int bit, int at, char letter) {
    if ((mode & bit) != 0) {
      s.setCharAt(at, s.charAt(at) == 'x' ? letter : Character.toUpperCase(letter));
    }
  }
}

package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupService;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.crypto.Argon2id;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * Damage to each kind of stored object, as bit rot or tampering would cause: check names the
 * damaged object and the snapshot and files it affects, and restore writes only data that
 * verifies, leaving out (and listing) exactly the files that need what is damaged.
 */
class TamperTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  private static final Repository.Options CHEAP = new Repository.Options(CLOCK, new Host(), new Argon2id(64, 1, 1));
  private static final Credential PASSWORD = Credential.passphrase("pw");
  private static final List<String> FILES = List.of("a/random.bin", "a/notes.txt", "b/other.bin", "b/deep/small.txt",
      "top.txt");

  @TempDir
  Path tmp;
  Path src;
  final MemoryStorage storage = new MemoryStorage();
  SnapshotRef snapshot;
  /** Recorded before any damage: each file's chunks and the trees above it, each folder's tree. */
  final Map<Path, Stored> files = new HashMap<>();
  final Map<Path, BlobId> folders = new HashMap<>();

  /** A file as the snapshot holds it. */
  record Stored(List<BlobId> content, List<BlobId> treesAbove) {}

  @BeforeEach
  void backUp() throws IOException {
    src = tmp.resolve("src");
    Files.createDirectories(src.resolve("a"));
    Files.createDirectories(src.resolve("b/deep"));
    Files.write(src.resolve("a/random.bin"), random(3 << 20, 1));
    Files.writeString(src.resolve("a/notes.txt"), "a note to keep ".repeat(20_000));
    Files.write(src.resolve("b/other.bin"), random(1 << 20, 2));
    Files.writeString(src.resolve("b/deep/small.txt"), "small");
    Files.writeString(src.resolve("top.txt"), "top");
    try (Repository repo = Repository.init(storage, PASSWORD, CHEAP)) {
      snapshot = backup(repo);
      record(repo, BlobId.parse(snapshot.snapshot().tree()), Path.of("/"), List.of());
    }
    assertThat(files.keySet()).containsAll(FILES.stream().map(src::resolve).toList());
  }

  private void record(Repository repo, BlobId tree, Path at, List<BlobId> above) {
    List<BlobId> trees = Stream.concat(above.stream(), Stream.of(tree)).toList();
    for (Node n : repo.readTree(tree).nodes()) {
      Path p = at.resolve(n.name());
      if (n.type() == Node.Type.DIR && n.subtree() != null) {
        folders.put(p, BlobId.parse(n.subtree()));
        record(repo, BlobId.parse(n.subtree()), p, trees);
      } else if (n.type() == Node.Type.FILE) {
        files.put(p, new Stored(n.content().stream().map(BlobId::parse).toList(), trees));
      }
    }
  }

  @Test
  void flippedDataBlobIsNamedWithItsFileAndOnlyThatFileIsLeftOut() throws IOException {
    assertThat(content("a/random.bin")).as("chunks: the file is partly written before the damaged one").hasSizeGreaterThan(1);
    BlobId last = content("a/random.bin").getLast();
    MasterIndex.Location at = locate(last);
    storage.corrupt(pack(at.pack()), at.offset() + at.length() / 2);

    CheckResult check = check();

    assertThat(errors(check)).anyMatch(e -> e.contains("pack " + at.pack() + " does not match its name"))
        .anyMatch(e -> e.contains("data blob " + last.shortHex() + " in pack " + at.pack().substring(0, 8)));
    assertThat(affected(check)).containsExactly(where("a/random.bin"));
    assertRestoresExactlyWhatIsIntact(Set.of(last));
  }

  @Test
  void flippedPackHeaderIsNamedAndEveryBlobStillRestoresVerified() throws IOException {
    String pack = locate(content("a/random.bin").getLast()).pack();
    ObjectName name = pack(pack);
    storage.corrupt(name, (int) storage.size(name) - PackBuilder.TRAILER_BYTES - 1);

    CheckResult check = check();

    assertThat(errors(check)).anyMatch(e -> e.contains("pack " + pack + " has a header that fails authentication"));
    assertThat(affected(check)).as("its blobs verify where the index places them").isEmpty();
    assertRestoresExactlyWhatIsIntact(Set.of());
  }

  @Test
  void flippedPackTrailerIsNamedAndEveryBlobStillRestoresVerified() throws IOException {
    String pack = locate(content("a/random.bin").getLast()).pack();
    ObjectName name = pack(pack);
    storage.corrupt(name, (int) storage.size(name) - 1);

    CheckResult check = check();

    assertThat(errors(check)).anyMatch(e -> e.contains("pack " + pack + " has no valid pack trailer"));
    assertThat(affected(check)).as("its blobs verify where the index places them").isEmpty();
    assertRestoresExactlyWhatIsIntact(Set.of());
  }

  @Test
  void deletedPackIsNamedWithEveryFileThatNeedsIt() throws IOException {
    String pack = locate(content("a/random.bin").getLast()).pack();
    Set<BlobId> lost = blobsIn(pack);
    storage.delete(pack(pack));

    CheckResult check = check();

    assertThat(errors(check)).contains("pack " + pack + " is missing");
    assertCovers(affected(check), lost);
    assertThat(affected(check)).as("only what needs the pack")
        .allMatch(a -> FILES.stream().filter(f -> covers(a, f)).allMatch(f -> needs(f, lost)));
    assertRestoresExactlyWhatIsIntact(lost);
  }

  @Test
  void flippedTreeBlobLosesOnlyItsFolder() throws IOException {
    BlobId tree = folders.get(src.resolve("b"));
    MasterIndex.Location at = locate(tree);
    storage.corrupt(pack(at.pack()), at.offset() + at.length() / 2);

    CheckResult check = check();

    assertThat(errors(check)).anyMatch(e -> e.contains("tree blob " + tree.shortHex() + " in pack " + at.pack().substring(0, 8)));
    assertThat(affected(check)).containsExactly(where("b") + " and everything under it");
    assertRestoresExactlyWhatIsIntact(Set.of(tree));
  }

  @Test
  void flippedIndexIsNamedAndItsPacksAreReadFromTheirHeaders() throws IOException {
    ObjectName index = only(ObjectKind.INDEX);
    storage.corrupt(index, (int) storage.size(index) / 2);

    CheckResult check = check();

    assertThat(errors(check)).anyMatch(e -> e.contains(index + " does not match its name"));
    assertThat(affected(check)).as("the packs themselves are intact").isEmpty();
    assertRestoresExactlyWhatIsIntact(Set.of());
    try (Repository repo = open()) {
      backup(repo);
    }
    assertRestoresExactlyWhatIsIntact(Set.of());
  }

  @Test
  void flippedSnapshotIsNamedAndNothingOfItIsRestored() {
    ObjectName name = only(ObjectKind.SNAPSHOT);
    storage.corrupt(name, (int) storage.size(name) / 2);

    CheckResult check = check();
    Path out = tmp.resolve("out");

    assertThat(check.errors()).anyMatch(e -> e.what().contains(name + " does not match its name")
        && e.affected().equals(List.of("that snapshot cannot be restored")));
    assertThatThrownBy(() -> restore(out)).isInstanceOf(RepositoryException.Damaged.class).hasMessageContaining(name.toString());
    assertThat(out).doesNotExist();
  }

  // ---- damage, and what it should cost ---------------------------------------------------------

  /**
   * Restores the snapshot with {@code lost} unreadable: every file that needs a lost blob (its own
   * or a folder's tree above it) is absent and listed, with its folder or itself, as failed; every
   * other file is there, byte-identical. With the root tree lost, nothing is written at all.
   */
  private void assertRestoresExactlyWhatIsIntact(Set<BlobId> lost) throws IOException {
    Path out = Files.createTempDirectory(tmp, "out");
    if (lost.contains(BlobId.parse(snapshot.snapshot().tree()))) {
      assertThatThrownBy(() -> restore(out)).isInstanceOf(RepositoryException.Damaged.class);
      assertThat(out).isEmptyDirectory();
      return;
    }
    RestoreResult result = restore(out);
    Path back = out.resolve(src.toString().substring(1));
    List<String> failed = result.failures().stream().map(RestoreResult.Failure::path).toList();
    for (String f : FILES) {
      if (needs(f, lost)) {
        assertThat(back.resolve(f)).as("%s needs a lost blob", f).doesNotExist();
        String path = src.resolve(f).toString();
        assertThat(failed).as("failures").anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
      } else {
        assertThat(back.resolve(f)).as("%s is intact", f).hasSameBinaryContentAs(src.resolve(f));
      }
    }
    assertThat(result.ok()).isEqualTo(FILES.stream().noneMatch(f -> needs(f, lost)));
    try (Stream<Path> all = Files.walk(out)) {
      assertThat(all.filter(Files::isRegularFile).count()).as("no other file written")
          .isEqualTo(FILES.stream().filter(f -> !needs(f, lost)).count());
    }
  }

  /** Every file that needs a lost blob is named in {@code affected}, itself or with a folder above it. */
  private void assertCovers(List<String> affected, Set<BlobId> lost) {
    for (String f : FILES) {
      if (needs(f, lost)) {
        assertThat(affected).as("%s needs a lost blob", f).anyMatch(a -> covers(a, f));
      }
    }
  }

  /** Whether {@code file} needs one of {@code lost}: in its content or as a tree of a folder above it. */
  private boolean needs(String file, Set<BlobId> lost) {
    return content(file).stream().anyMatch(lost::contains) || treesAbove(file).stream().anyMatch(lost::contains);
  }

  /** Whether a check's "affects" entry names {@code file} or a folder above it. */
  private boolean covers(String affected, String file) {
    if (affected.equals(where(file))) {
      return true;
    }
    String suffix = " and everything under it";
    if (!affected.endsWith(suffix)) {
      return false;
    }
    String folder = affected.substring(0, affected.length() - suffix.length());
    String prefix = "snapshot " + snapshot.shortId() + " (" + snapshot.snapshot().time() + "): ";
    return folder.equals(prefix + "/") || (prefix + src.resolve(file)).startsWith(folder + "/");
  }

  private String where(String file) {
    return "snapshot " + snapshot.shortId() + " (" + snapshot.snapshot().time() + "): " + src.resolve(file);
  }

  private List<BlobId> content(String file) {
    return files.get(src.resolve(file)).content();
  }

  private List<BlobId> treesAbove(String file) {
    return files.get(src.resolve(file)).treesAbove();
  }

  // ---- the repository ---------------------------------------------------------------------------

  private SnapshotRef backup(Repository repo) {
    return new BackupService(repo, CLOCK, "test").run(new BackupRequest(
        List.of(new BackupRequest.Source(src, List.of(), List.of())), null, List.of(), Optional.empty(), false,
        Optional.empty()), BackupProgress.NONE).snapshot();
  }

  private Repository open() {
    return Repository.open(storage, PASSWORD, CHEAP);
  }

  private MasterIndex.Location locate(BlobId id) {
    try (Repository repo = open()) {
      repo.loadIndex();
      return repo.index().find(id);
    }
  }

  private Set<BlobId> blobsIn(String pack) {
    return blobsIn(List.of(pack));
  }

  /** The data blobs of a pack: what a file's content may need, leaving out trees. */
  private Set<BlobId> blobsIn(List<String> packs) {
    try (Repository repo = open()) {
      repo.loadIndex();
      Set<BlobId> blobs = new HashSet<>();
      packs.forEach(p -> blobs.addAll(repo.blobsByPack().get(p)));
      return blobs;
    }
  }

  private ObjectName only(ObjectKind kind) {
    List<Storage.ObjectInfo> objects = storage.list(kind);
    assertThat(objects).hasSize(1);
    return objects.getFirst().name();
  }

  private static ObjectName pack(String name) {
    return ObjectName.of(ObjectKind.DATA, name);
  }

  private CheckResult check() {
    try (Repository repo = open()) {
      CheckResult result = new CheckService(repo, new Random(1)).run(new CheckRequest(100), CheckProgress.NONE);
      assertThat(result.ok()).as("check finds the damage").isFalse();
      return result;
    }
  }

  private RestoreResult restore(Path out) {
    try (Repository repo = open()) {
      return new RestoreService(repo).run(new RestoreRequest(snapshot.id(), out, List.of(), true), RestoreProgress.NONE);
    }
  }

  private static List<String> errors(CheckResult r) {
    return r.errors().stream().map(CheckResult.Finding::what).toList();
  }

  private static List<String> affected(CheckResult r) {
    return r.errors().stream().flatMap(e -> e.affected().stream()).filter(a -> a.startsWith("snapshot ")).toList();
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}

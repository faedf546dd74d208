package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.core.KhoException;
import org.kho.repository.BlobId;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;

class BackupRoundTripTest {
  static final Clock CLOCK = TestBackups.CLOCK;

  @TempDir
  Path tmp;
  Path src;
  Repository repo;

  @BeforeEach
  void setUp() throws IOException {
    src = tmp.resolve("src");
    Files.createDirectories(src.resolve("docs/empty"));
    byte[] big = new byte[3 << 20];
    new Random(7).nextBytes(big);
    Files.write(src.resolve("docs/big.bin"), big);
    Files.writeString(src.resolve("docs/note.txt"), "hello ".repeat(10_000));
    Files.writeString(src.resolve("secret.txt"), "top secret");
    Files.setPosixFilePermissions(src.resolve("secret.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(src.resolve("docs/note.txt"), FileTime.from(Instant.parse("2020-01-02T03:04:05Z")));
    Files.createSymbolicLink(src.resolve("link"), Path.of("docs/note.txt"));
    Files.createLink(src.resolve("hard.txt"), src.resolve("docs/note.txt"));
    repo = TestBackups.init(tmp.resolve("repo"));
  }

  private BackupResult backup() {
    return new BackupService(repo, CLOCK, "test").run(TestBackups.request(src), BackupProgress.NONE);
  }

  @Test
  void backupRestoresByteIdenticalWithMetadata() throws IOException {
    BackupResult result = backup();
    assertThat(result.complete()).isTrue();
    Path out = tmp.resolve("out");
    RestoreResult restored = new RestoreService(repo).run(new RestoreRequest("latest", out, List.of(), true),
        RestoreProgress.NONE);
    assertThat(restored.failures()).isEmpty();
    Path back = out.resolve(src.toString().substring(1));
    assertThat(Files.readAllBytes(back.resolve("docs/big.bin"))).isEqualTo(Files.readAllBytes(src.resolve("docs/big.bin")));
    assertThat(Files.readString(back.resolve("docs/note.txt"))).isEqualTo(Files.readString(src.resolve("docs/note.txt")));
    assertThat(Files.isDirectory(back.resolve("docs/empty"))).isTrue();
    assertThat(Files.readSymbolicLink(back.resolve("link"))).isEqualTo(Path.of("docs/note.txt"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back.resolve("secret.txt")))).isEqualTo("rw-------");
    assertThat(Files.getLastModifiedTime(back.resolve("docs/note.txt")).toInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
    assertThat(Files.isSameFile(back.resolve("hard.txt"), back.resolve("docs/note.txt"))).isTrue();
    assertThat(restored.verified()).isEqualTo(restored.files() - 1);
  }

  @Test
  void aSourceReachedThroughALinkedFolderIsStoredUnderFoldersAndRestoresWhole() throws IOException {
    Path linked = Files.createSymbolicLink(tmp.resolve("via-link"), src);
    Path source = linked.resolve("docs");
    Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rwxr-x---"));

    BackupResult result = new BackupService(repo, CLOCK, "test").run(TestBackups.request(source), BackupProgress.NONE);
    Path out = tmp.resolve("out");
    RestoreResult restored = new RestoreService(repo).run(new RestoreRequest("latest", out, List.of(), true),
        RestoreProgress.NONE);

    assertThat(result.complete()).isTrue();
    assertThat(restored.failures()).isEmpty();
    Path back = out.resolve(source.toString().substring(1));
    assertThat(Files.isSymbolicLink(back.getParent())).as("the folder on the way is a folder").isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back.getParent())))
        .as("with the metadata of the folder, not of the link").isEqualTo("rwxr-x---");
    assertThat(Files.readAllBytes(back.resolve("big.bin"))).isEqualTo(Files.readAllBytes(src.resolve("docs/big.bin")));
    assertThat(Files.readString(back.resolve("note.txt"))).isEqualTo(Files.readString(src.resolve("docs/note.txt")));
  }

  @Test
  void zeroRangesOfASparseFileRestoreAsHoles() throws IOException, InterruptedException {
    Path sparse = src.resolve("disk.img");
    byte[] edge = new byte[1 << 20];
    new Random(3).nextBytes(edge);
    try (var ch = java.nio.channels.FileChannel.open(sparse, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(edge), 0);
      ch.write(java.nio.ByteBuffer.wrap(edge), 40L << 20);
    }
    backup();
    Path out = tmp.resolve("out");
    assertThat(new RestoreService(repo).run(new RestoreRequest("latest", out, List.of(), true), RestoreProgress.NONE)
        .failures()).isEmpty();
    Path back = out.resolve(src.toString().substring(1)).resolve("disk.img");
    assertThat(Files.mismatch(sparse, back)).isEqualTo(-1);
    assertThat(allocatedBytes(back)).as("allocated").isLessThan(Files.size(back) / 4);
  }

  @Test
  void zeroBlocksAmongDataAndATrailingRunOfZerosRestoreByteForByteAtFullLength() throws IOException {
    byte[] content = new byte[5 << 20];
    new Random(11).nextBytes(content);
    java.util.Arrays.fill(content, 64 << 10, 192 << 10, (byte) 0); // two whole zero blocks between data
    java.util.Arrays.fill(content, (1 << 20) + 100, (1 << 20) + 70_000, (byte) 0); // zeros not on a block boundary
    java.util.Arrays.fill(content, 3 << 20, content.length, (byte) 0); // ends in 2 MiB of zeros: a trailing hole
    Files.write(src.resolve("mixed.img"), content);
    backup();
    Path out = tmp.resolve("out");

    assertThat(new RestoreService(repo).run(new RestoreRequest("latest", out, List.of(), true), RestoreProgress.NONE)
        .failures()).isEmpty();
    Path back = out.resolve(src.toString().substring(1)).resolve("mixed.img");
    assertThat(Files.size(back)).isEqualTo(content.length);
    assertThat(Files.readAllBytes(back)).isEqualTo(content);
  }

  private static long allocatedBytes(Path p) throws IOException, InterruptedException {
    Process stat = new ProcessBuilder("stat", "-c", "%b %B", p.toString()).start();
    String[] parts = new String(stat.getInputStream().readAllBytes()).trim().split(" ");
    stat.waitFor();
    return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
  }

  @Test
  void chosenPathsRestoreAloneWithTheFoldersAboveThem() throws IOException {
    backup();
    Path out = tmp.resolve("out");
    RestoreResult r = new RestoreService(repo).run(new RestoreRequest("latest", out,
        List.of(src.resolve("docs/note.txt").toString()), false), RestoreProgress.NONE);
    assertThat(r.files()).isEqualTo(1);
    Path back = out.resolve(src.toString().substring(1));
    assertThat(back.resolve("docs/note.txt")).hasSameTextualContentAs(src.resolve("docs/note.txt"));
    assertThat(back.resolve("docs/big.bin")).doesNotExist();
    assertThat(back.resolve("secret.txt")).doesNotExist();
  }

  @Test
  void excludedNamesAndPathsAreLeftOut() throws IOException {
    BackupRequest request = new BackupRequest(List.of(new BackupRequest.Source(src, List.of("*.bin", "docs/empty"),
        List.of())), null, List.of(), Optional.empty(), false, Optional.of("test"));
    var snap = new BackupService(repo, CLOCK, "test").run(request, BackupProgress.NONE).snapshot();
    Path out = tmp.resolve("out");
    new RestoreService(repo).run(new RestoreRequest(snap.id(), out, List.of(), false), RestoreProgress.NONE);
    Path back = out.resolve(src.toString().substring(1));
    assertThat(back.resolve("docs/note.txt")).exists();
    assertThat(back.resolve("docs/big.bin")).doesNotExist();
    assertThat(back.resolve("docs/empty")).doesNotExist();
  }

  @Test
  void secondBackupReadsOnlyChangedFiles() throws IOException {
    backup();
    Files.writeString(src.resolve("secret.txt"), "changed secret");
    BackupResult second = backup();
    assertThat(second.parent()).isNotNull();
    var summary = second.snapshot().snapshot().summary();
    assertThat(summary.changedFiles()).isEqualTo(1);
    assertThat(summary.unchangedFiles()).isEqualTo(summary.files() - 1);
    assertThat(summary.newFiles()).isZero();
    assertThat(summary.bytesAdded()).as("only the changed file and the trees above it").isLessThan(10_000);
  }

  @Test
  void anUnchangedFolderKeepsTheTreeOfTheParentAndAChangedOneGetsANewOne() throws IOException {
    SnapshotRef first = backup().snapshot();
    Files.writeString(src.resolve("secret.txt"), "changed secret");
    SnapshotRef second = backup().snapshot();
    assertThat(subtree(second, src.resolve("docs"))).isEqualTo(subtree(first, src.resolve("docs")));
    assertThat(subtree(second, src)).isNotEqualTo(subtree(first, src));
    assertThat(second.snapshot().summary().blobsAdded()).as("the changed file and the trees above it").isPositive();
  }

  /** The tree id of folder {@code dir} in {@code snapshot}. */
  private String subtree(SnapshotRef snapshot, Path dir) {
    String tree = snapshot.snapshot().tree();
    for (Path name : dir) {
      tree = repo.readTree(BlobId.parse(tree)).find(name.toString()).subtree();
    }
    return tree;
  }

  @Test
  void checkReadDataFindsNoProblemInAFreshRepository() {
    backup();
    CheckResult result = new CheckService(repo, new Random(1)).run(new CheckRequest(100), org.kho.check.CheckProgress.NONE);
    assertThat(result.errors()).isEmpty();
    assertThat(result.packsRead()).isEqualTo(result.packs()).isPositive();
  }

  @Test
  void targetOnTheSameFilesystemIsRefusedWithoutAReason() {
    assertThatThrownBy(() -> new BackupService(repo, CLOCK, "test").run(new BackupRequest(
        List.of(new BackupRequest.Source(src, List.of(), List.of())), null, List.of(), Optional.empty(), false, Optional.empty()), BackupProgress.NONE))
        .isInstanceOf(KhoException.class).hasMessageContaining("same filesystem");
  }
}

package org.kho.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.crypto.Argon2id;
import org.kho.repository.BlobId;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.storage.Storage;
import org.kho.storage.local.LocalStorage;

/**
 * Restore reads pack by pack: every pack it needs once, whatever the files' order, with blobs
 * shared between files and repeated within one written to every place that holds them.
 */
class PackRestoreTest {
  static final Repository.Options CHEAP = new Repository.Options(TestBackups.CLOCK, new Host(), new Argon2id(64, 1, 1));

  @TempDir
  Path tmp;

  /**
   * Thirty small files, a random 3 MiB file and a copy of it (blobs shared between files), a
   * 12 MiB file of zeros (the same chunk many times in one file, and holes) and a file holding the
   * random data twice around zeros.
   */
  static Path source(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("small"));
    for (int i = 0; i < 30; i++) {
      Files.writeString(dir.resolve("small/f" + i + ".txt"), "file " + i + " ".repeat(i * 100));
    }
    byte[] random = new byte[3 << 20];
    new Random(7).nextBytes(random);
    Files.write(dir.resolve("random.bin"), random);
    Files.write(dir.resolve("copy.bin"), random);
    Files.write(dir.resolve("zeros.bin"), new byte[12 << 20]);
    byte[] mixed = new byte[2 * random.length + (4 << 20)];
    System.arraycopy(random, 0, mixed, 0, random.length);
    System.arraycopy(random, 0, mixed, mixed.length - random.length, random.length);
    Files.write(dir.resolve("mixed.bin"), mixed);
    Files.createFile(dir.resolve("empty.txt"));
    return dir;
  }

  static RestoreResult restore(Storage storage, Path into, List<String> includes) {
    try (Repository repo = Repository.open(storage, Credential.passphrase(TestBackups.PASSWORD), CHEAP)) {
      return new RestoreService(repo).run(new RestoreRequest("latest", into, includes, true), RestoreProgress.NONE);
    }
  }

  /** Asserts that every file under {@code restored} equals the one at the same place under {@code source}. */
  static void assertSameFiles(Path source, Path restored) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path back = restored.resolve(source.getRoot().relativize(f).toString());
        assertThat(back).as(f.toString()).exists();
        assertThat(Files.mismatch(f, back)).as(f.toString()).isEqualTo(-1L);
      }
    }
  }

  /** Backs {@code src} up into a new repository and counts the reads of its storage from then on. */
  private CountingStorage backedUp(Path src) {
    try (Repository repo = TestBackups.init(tmp.resolve("repo"))) {
      TestBackups.backup(repo, src);
    }
    return new CountingStorage(LocalStorage.open(tmp.resolve("repo")));
  }

  @Test
  void aFullRestoreReadsEveryPackOnceAndWritesSharedAndRepeatedBlobsEverywhere() throws IOException {
    Path src = source(tmp.resolve("src"));
    CountingStorage counting = backedUp(src);
    List<String> packs = counting.packs();
    Path into = tmp.resolve("restored");

    RestoreResult result = restore(counting, into, List.of());

    assertThat(result.failures()).isEmpty();
    assertThat(result.verified()).isEqualTo(result.files()).isEqualTo(35);
    assertSameFiles(src, into);
    assertThat(counting.readsByPack().keySet()).containsExactlyElementsOf(packs);
    assertThat(counting.readsByPack().values()).as("one read per pack").allMatch(n -> n == 1);
  }

  @Test
  void filesPlannedAFewChunksAtATimeAreStillWrittenWhole() throws Exception {
    Path src = source(tmp.resolve("src"));
    try (Repository repo = TestBackups.init(tmp.resolve("repo"))) {
      TestBackups.backup(repo, src);
      Path into = tmp.resolve("restored");
      Selection sel = new Selection(repo, List.of(), path -> true);
      sel.collect(BlobId.parse(repo.snapshot("latest").snapshot().tree()), into);
      for (Selection.Entry d : sel.dirs) {
        Files.createDirectories(d.destination());
      }
      List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
      List<String> failed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

      new PackRestorer(repo, RestoreProgress.NONE, 2).restore(sel.files, new PackRestorer.Done() {
        @Override
        public void written(Selection.Entry file) {
          written.add(file.snapshotPath());
        }

        @Override
        public void failed(Selection.Entry file, String why) {
          failed.add(file.snapshotPath() + ": " + why);
        }
      });

      assertThat(failed).isEmpty();
      assertThat(written).hasSize(35);
      assertSameFiles(src, into);
    }
  }

  @Test
  void aRestoreOfOneSmallFileReadsOnePackOnce() throws IOException {
    Path src = source(tmp.resolve("src"));
    CountingStorage counting = backedUp(src);
    Path into = tmp.resolve("restored");
    String small = src.resolve("small/f3.txt").toString();

    RestoreResult result = restore(counting, into, List.of(small));

    assertThat(result.failures()).isEmpty();
    assertThat(result.files()).isEqualTo(1);
    assertThat(Files.readString(into.resolve(small.substring(1)))).isEqualTo(Files.readString(Path.of(small)));
    assertThat(counting.dataReads()).isEqualTo(1);
  }
}

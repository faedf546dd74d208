package org.kho.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage.ObjectInfo;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;
import org.kho.storage.StorageFullException;
import org.kho.storage.StreamingStorageContract;

class LocalStorageTest extends StreamingStorageContract {


  @TempDir
  Path dir;

  @Override
  protected Storage newStorage() {
    return LocalStorage.create(dir.resolve("repo"));
  }

  private Path root() {
    return dir.resolve("repo");
  }

  @Test
  void createMakesAFolderForEveryKindAndTheDataSubFolders() {
    for (String folder : List.of("keys", "data/00", "data/a7", "data/ff", "index", "snapshots", "locks", "evidence")) {
      assertThat(root().resolve(folder)).isDirectory();
    }
  }

  /**
   * Observed from outside: GNU dd's {@code iflag=nocache} drops the file's pages from the cache,
   * util-linux's fincore counts those cached, before and after the prefetch.
   */
  @Test
  void aPrefetchReadsThePackIntoThePageCache() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/fincore")) && Files.isExecutable(Path.of("/usr/bin/dd")),
        "needs fincore (util-linux) and dd (coreutils)");
    byte[] data = randomBytes(8 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage().create(name, data);
    Path file = root().resolve(name.path());
    output("dd", "if=" + file, "iflag=nocache", "count=0", "status=none");
    assumeTrue(cachedBytes(file) < data.length / 2, "the filesystem keeps the file cached (tmpfs?)");

    storage().prefetch(name);

    assertThat(cachedBytes(file)).isEqualTo(data.length);
  }

  private static long cachedBytes(Path file) throws Exception {
    return Long.parseLong(output("fincore", "--bytes", "--noheadings", "--output", "RES", file.toString()).strip());
  }

  private static String output(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  @Test
  void theObjectIsAWholeFileAtItsPathOnceCreateReturns() throws IOException {
    byte[] data = randomBytes(3 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    storage().create(name, data);

    assertThat(Files.readAllBytes(root().resolve(name.path()))).isEqualTo(data);
    assertThat(tempFiles(root())).isEmpty();
  }

  @Test
  void leftoverTemporaryFilesAndStrangersAreNotListed() throws IOException {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage().create(name, data);
    String hash = name.name();
    Files.write(root().resolve("data/" + hash.substring(0, 2) + "/.tmp-" + hash), new byte[5]);
    Files.write(root().resolve("keys/.tmp-1234"), new byte[5]);
    Files.write(root().resolve(".tmp-config"), new byte[5]);
    Files.write(root().resolve("index/notes.txt"), new byte[5]);
    String otherPrefix = hash.startsWith("00") ? "01" : "00"; // a stranger: the right name in the wrong folder
    Files.createDirectories(root().resolve("data/" + otherPrefix));
    Files.write(root().resolve("data/" + otherPrefix + "/" + hash), new byte[5]);

    assertThat(storage().list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, 10));
    assertThat(storage().list(ObjectKind.KEY)).isEmpty();
    assertThat(storage().list(ObjectKind.INDEX)).isEmpty();
    assertThat(storage().list(ObjectKind.CONFIG)).isEmpty();
  }

  @Test
  void leftoversOlderThanTheCutOffAreFoundThenRemovedAndNothingElseIs() throws IOException {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage().create(name, data);
    Instant cutOff = Instant.parse("2026-11-20T00:00:00Z");
    List<Path> old = List.of(root().resolve("data/" + name.name().substring(0, 2) + "/.tmp-a"),
        root().resolve("data/.tmp-b"), root().resolve("locks/.tmp-c"), root().resolve(".tmp-d"));
    for (Path file : old) {
      Files.write(file, new byte[100]);
      Files.setLastModifiedTime(file, FileTime.from(cutOff.minusSeconds(60)));
    }
    Path fresh = Files.write(root().resolve("data/.tmp-fresh"), new byte[7]);
    Files.setLastModifiedTime(fresh, FileTime.from(cutOff.plusSeconds(60)));
    Path stranger = Files.write(root().resolve("index/notes.txt"), new byte[5]);
    Files.setLastModifiedTime(stranger, FileTime.from(cutOff.minusSeconds(60)));

    assertThat(storage().leftovers(cutOff, false)).isEqualTo(new Storage.Leftovers(4, 400));
    assertThat(old).allSatisfy(file -> assertThat(file).exists());

    assertThat(storage().leftovers(cutOff, true)).isEqualTo(new Storage.Leftovers(4, 400));
    assertThat(old).allSatisfy(file -> assertThat(file).doesNotExist());
    assertThat(fresh).exists();
    assertThat(stranger).exists();
    assertThat(storage().read(name)).isEqualTo(data);
    assertThat(storage().leftovers(cutOff, true)).isEqualTo(Storage.Leftovers.NONE);
  }

  @Test
  void aMissingDataSubFolderIsMadeAgainByTheFirstObjectInIt() throws IOException {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    Files.delete(root().resolve(name.path()).getParent());

    storage().create(name, data);

    assertThat(storage().read(name)).isEqualTo(data);
  }

  @Test
  void openSeesWhatAnotherInstanceCreated() {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.SNAPSHOT, data);
    storage().create(name, data);

    LocalStorage reopened = LocalStorage.open(root());

    assertThat(reopened.read(name)).isEqualTo(data);
    assertThatThrownBy(() -> reopened.create(name, data)).isInstanceOf(ObjectExistsException.class);
  }

  @Test
  void localRootIsTheFolder() {
    assertThat(storage().localRoot()).contains(root());
    assertThat(storage().describe()).isEqualTo(root().toString());
  }

  @Test
  void openOfAMissingFolderSaysWhichAndWhatToCheck() {
    Path missing = dir.resolve("not-mounted");

    assertThatThrownBy(() -> LocalStorage.open(missing))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(missing.toString())
        .satisfies(e -> assertThat(((StorageException) e).hint()).contains("mounted"));
  }

  @Test
  void openOfAFileSaysItIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> LocalStorage.open(file)).isInstanceOf(StorageException.class)
        .hasMessageContaining(file + ": it is a file");
  }

  @Test
  void createRefusesAFolderThatIsNotEmpty() throws IOException {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("photo.jpg"), "x");

    assertThatThrownBy(() -> LocalStorage.create(used))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(used + " is not empty");
    assertThat(used.resolve("keys")).doesNotExist();
  }

  @Test
  void createAcceptsAnExistingEmptyFolder() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    LocalStorage.create(empty);

    assertThat(empty.resolve("data/ff")).isDirectory();
  }

  @Test
  void aFullDiskThrowsStorageFullAndLeavesNothingBehind() throws Exception {
    onTwoMebibyteDisk(mount -> {
      LocalStorage full = LocalStorage.create(mount);
      byte[] data = randomBytes(4 << 20);
      ObjectName name = nameOf(ObjectKind.DATA, data);

      assertThatThrownBy(() -> full.create(name, data))
          .isInstanceOf(StorageFullException.class)
          .hasMessageContaining(mount.toString());
      assertThat(full.exists(name)).isFalse();
      assertThat(full.list(ObjectKind.DATA)).isEmpty();
      assertThat(tempFiles(mount)).isEmpty();
    });
  }

  @Test
  void anUploadLeavesNoTemporaryFileOnceCommittedOrClosed() throws IOException {
    byte[] data = randomBytes(1 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    try (Storage.Upload upload = storage().upload(ObjectKind.DATA).orElseThrow();
        Storage.Upload dropped = storage().upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(data, 0, data.length);
      dropped.write(data, 0, data.length);
      assertThat(tempFiles(root())).hasSize(2);
      upload.commit(name);
    }

    assertThat(Files.readAllBytes(root().resolve(name.path()))).isEqualTo(data);
    assertThat(tempFiles(root())).isEmpty();
  }

  @Test
  void anUploadToAFullDiskThrowsStorageFullAndLeavesNothingBehind() throws Exception {
    onTwoMebibyteDisk(mount -> {
      LocalStorage full = LocalStorage.create(mount);
      byte[] data = randomBytes(4 << 20);
      try (Storage.Upload upload = full.upload(ObjectKind.DATA).orElseThrow()) {
        assertThatThrownBy(() -> upload.write(data, 0, data.length))
            .isInstanceOf(StorageFullException.class)
            .hasMessageContaining(mount.toString());
      }
      assertThat(full.list(ObjectKind.DATA)).isEmpty();
      assertThat(tempFiles(mount)).isEmpty();
    });
  }

  /** A test on a small disk, given its mount point. */
  @FunctionalInterface
  private interface OnDisk {
    void run(Path mount) throws Exception;
  }

  /** Runs {@code test} on a 2 MiB tmpfs mounted for it (root only: skipped elsewhere), unmounted after. */
  private void onTwoMebibyteDisk(OnDisk test) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small-disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()),
        "needs root and tmpfs mounts");
    try {
      test.run(mount);
    } finally {
      run("umount", mount.toString());
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return process.waitFor() == 0;
  }

  private static List<Path> tempFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList();
    }
  }
}

package org.kho.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.crypto.Argon2id;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.storage.ObjectKind;
import org.kho.storage.Storage;
import org.kho.storage.local.LocalStorage;

/**
 * Check on a local repository opened as {@code kho check} opens it ({@link CheckRequest#options}:
 * with --read-data the packs are fetched ahead into the page cache): every depth of check walks the
 * same trees and names the same lost chunks.
 */
class CheckServiceTest {
  @TempDir
  Path tmp;
  Path repoDir;
  /** A pack holding only data of late.bin, which the second snapshot alone has. */
  Storage.ObjectInfo latePack;

  @BeforeEach
  void twoSnapshots() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("a/deep"));
    Files.write(src.resolve("a/random.bin"), random(2 << 20, 1));
    Files.writeString(src.resolve("a/deep/note.txt"), "a note");
    Files.writeString(src.resolve("top.txt"), "top");
    repoDir = tmp.resolve("repo");
    Set<Storage.ObjectInfo> before;
    try (Repository repo = TestBackups.init(repoDir)) {
      TestBackups.backup(repo, src);
      before = new HashSet<>(repo.storage().list(ObjectKind.DATA));
      Files.write(src.resolve("a/deep/late.bin"), random(20 << 20, 2)); // more than a pack: one pack of it alone
      TestBackups.backup(repo, src);
      latePack = repo.storage().list(ObjectKind.DATA).stream().filter(p -> !before.contains(p))
          .max(Comparator.comparingLong(Storage.ObjectInfo::size)).orElseThrow();
    }
  }

  @Test
  void everyDepthOfCheckCountsTheSameTreesAndFindsNothingInASoundRepository() {
    CheckResult full = check(100);
    CheckResult half = check(50);
    CheckResult structure = check(0);

    assertThat(List.of(full, half, structure)).allSatisfy(r -> {
      assertThat(r.ok()).as(r.errors().toString()).isTrue();
      assertThat(r.snapshots()).isEqualTo(2);
    });
    assertThat(full.trees()).isEqualTo(structure.trees()).isEqualTo(half.trees()).isGreaterThanOrEqualTo(5);
    assertThat(full.packsRead()).isEqualTo(full.packs());
  }

  @Test
  void aChunkThatNoIndexNorPackHoldsIsNamedWithItsFileWhenThePacksThatAreThereReadClean() throws IOException {
    Files.delete(repoDir.resolve(latePack.name().path()));
    try (var indexes = Files.list(repoDir.resolve("index"))) {
      for (Path index : indexes.toList()) {
        Files.delete(index);
      }
    }

    CheckResult full = check(100);

    assertThat(full.ok()).isFalse();
    assertThat(full.errors()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.what()).startsWith("data blob ").endsWith(" is in no readable index and no stored pack holds it");
      assertThat(e.affected()).singleElement().asString().endsWith("/src/a/deep/late.bin");
    });
    assertThat(full.errors()).isEqualTo(check(0).errors());
  }

  private CheckResult check(int percent) {
    CheckRequest request = new CheckRequest(percent);
    Repository.Options cheap = new Repository.Options(TestBackups.CLOCK, new Host(), new Argon2id(64, 1, 1));
    try (Repository repo = Repository.open(LocalStorage.open(repoDir), Credential.passphrase(TestBackups.PASSWORD),
        request.options(cheap))) {
      return new CheckService(repo, new Random(1)).run(request, CheckProgress.NONE);
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}

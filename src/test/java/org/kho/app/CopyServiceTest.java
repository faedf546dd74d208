package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.check.CheckRequest;
import org.kho.check.CheckService;
import org.kho.core.UsageException;
import org.kho.crypto.Argon2id;
import org.kho.crypto.SigningKey;
import org.kho.evidence.EvidenceReport;
import org.kho.evidence.EvidenceVerifier;
import org.kho.repository.CopyProgress;
import org.kho.repository.Credential;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotCopier;
import org.kho.repository.SnapshotRef;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreService;
import org.kho.storage.local.LocalStorage;

/** {@code kho copy}: snapshots into a second repository, as stored when keys are shared, re-encrypted otherwise. */
class CopyServiceTest {
  private static final SigningKey KEY = SigningKey.generate();
  private static final Repository.Options CHEAP = new Repository.Options(TestBackups.CLOCK, new Host(), new Argon2id(64, 1, 1));

  @TempDir
  Path tmp;
  Path src;
  Repository a;

  @BeforeEach
  void setUp() throws IOException {
    src = Files.createDirectories(tmp.resolve("src"));
    byte[] big = new byte[3 << 20];
    new Random(3).nextBytes(big);
    Files.write(src.resolve("big.bin"), big);
    Files.writeString(src.resolve("note.txt"), "hello");
    a = TestBackups.init(tmp.resolve("a"));
    a.signWith(KEY);
  }

  private Repository like(Repository template, String dir) {
    return Repository.initLike(LocalStorage.create(tmp.resolve(dir)), Credential.passphrase("other"), CHEAP, template);
  }

  private Repository fresh(String dir) {
    return Repository.init(LocalStorage.create(tmp.resolve(dir)), Credential.passphrase("other"), CHEAP);
  }

  private SnapshotCopier.Result copy(Repository to, Optional<SigningKey> signer, String... refs) {
    return new CopyService().copy(a, to, List.of(refs), signer, CopyProgress.NONE);
  }

  private void assertRestoresLikeTheSource(Repository repo, String snapshot) throws IOException {
    Path out = tmp.resolve("restored-" + System.nanoTime());
    var result = new RestoreService(repo).run(new RestoreRequest(snapshot, out, List.of(), true), RestoreProgress.NONE);
    assertThat(result.ok()).as("%s", result.failures()).isTrue();
    assertThat(Files.mismatch(src.resolve("big.bin"), out.resolve(src.toString().substring(1)).resolve("big.bin"))).isEqualTo(-1);
    assertThat(new CheckService(repo, new Random(1)).run(new CheckRequest(100), org.kho.check.CheckProgress.NONE).ok()).isTrue();
  }

  private static EvidenceReport evidence(Repository repo) {
    return new EvidenceVerifier(EvidenceStore.on(repo.storage())).verify(KEY.verifying());
  }

  @Test
  void sharedKeysCopyDataAsStoredAndSnapshotsKeepTheirOriginalSignature() throws IOException {
    SnapshotRef original = TestBackups.backup(a, src);
    try (Repository b = like(a, "b")) {
      SnapshotCopier.Result result = copy(b, Optional.empty());

      assertThat(result.raw()).isTrue();
      assertThat(result.copied()).singleElement().satisfies(c -> assertThat(c.to().id()).isEqualTo(original.id()));
      assertRestoresLikeTheSource(b, original.id());
      EvidenceReport report = evidence(b);
      assertThat(report.ok()).as("%s", report).isTrue();
      assertThat(report.verified()).singleElement()
          .satisfies(v -> assertThat(v.copiedFrom()).isEqualTo(a.config().id()));

      SnapshotCopier.Result again = copy(b, Optional.empty());
      assertThat(again.copied()).isEmpty();
      assertThat(again.skipped()).hasSize(1);
    }
  }

  @Test
  void sharedKeysCopyOnlyTheChunksTheTargetLacksIntoANewPack() throws IOException {
    try (Repository b = like(a, "b")) {
      TestBackups.backup(b, src); // b holds big.bin's chunks already, under the same ids
      Files.writeString(src.resolve("new.txt"), "only in the second backup");
      SnapshotRef second = TestBackups.backup(a, src);

      SnapshotCopier.Result result = copy(b, Optional.empty(), second.id());

      assertThat(result.raw()).isTrue();
      assertThat(result.bytesCopied()).as("the big file is not copied again").isLessThan(100_000);
      assertRestoresLikeTheSource(b, second.id());
      assertThat(Files.readString(restoredNew(b, second))).isEqualTo("only in the second backup");
    }
  }

  private Path restoredNew(Repository repo, SnapshotRef s) {
    Path out = tmp.resolve("one-" + System.nanoTime());
    new RestoreService(repo).run(new RestoreRequest(s.id(), out, List.of(src.resolve("new.txt").toString()), true),
        RestoreProgress.NONE);
    return out.resolve(src.toString().substring(1)).resolve("new.txt");
  }

  @Test
  void differentKeysReencryptOnceNameTheOriginalAndSignAnew() throws IOException {
    SnapshotRef original = TestBackups.backup(a, src);
    try (Repository b = fresh("b")) {
      SnapshotCopier.Result result = copy(b, Optional.of(KEY));

      assertThat(result.raw()).isFalse();
      SnapshotRef copy = result.copied().getFirst().to();
      assertThat(copy.id()).isNotEqualTo(original.id());
      assertThat(copy.snapshot().copyOf()).isEqualTo(original.id());
      assertThat(copy.snapshot().signer()).isEqualTo(KEY.verifying().fingerprint());
      assertRestoresLikeTheSource(b, copy.id());
      assertThat(evidence(b).ok()).isTrue();
      assertThat(copy(b, Optional.of(KEY)).skipped()).as("the original is known by its copyOf").hasSize(1);
    }
  }

  @Test
  void signedSnapshotsAreNotCopiedUnsignedBetweenRepositoriesWithDifferentKeys() {
    TestBackups.backup(a, src);
    try (Repository b = fresh("b")) {
      assertThatThrownBy(() -> copy(b, Optional.empty())).isInstanceOf(UsageException.class)
          .hasMessageContaining("signed anew").extracting(e -> ((UsageException) e).hint()).asString()
          .contains("--copy-params-from");
      assertThat(b.snapshots()).isEmpty();
    }
  }
}

package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.repository.Repository;
import org.kho.repository.Snapshot;
import org.kho.restore.FileStreamer;
import org.kho.restore.RestoreProgress;

/** Byte ranges of files stored as snapshots, several snapshots through one session. */
class PartsBackupTest {
  private static final int MIB = 1 << 20;
  @TempDir
  Path tmp;
  private Repository repo;
  private Path a;
  private Path b;
  private final byte[] aBytes = new byte[3 * MIB];
  private final byte[] bBytes = new byte[2 * MIB + 123];

  @BeforeEach
  void setUp() throws IOException {
    repo = TestBackups.init(tmp.resolve("repo"));
    Random random = new Random(7);
    random.nextBytes(aBytes);
    random.nextBytes(bBytes);
    Files.createDirectories(tmp.resolve("logs"));
    a = Files.write(tmp.resolve("logs/a.log"), aBytes);
    b = Files.write(tmp.resolve("logs/b.log"), bBytes);
  }

  @Test
  void eachBatchIsASnapshotOfItsOwnCommittedInOrderWithItsCountsAndDigests() throws IOException {
    PartsBackup.Batch august = batch("2026-08", part(a, 0, MIB), part(b, 0, bBytes.length));
    PartsBackup.Batch september = batch("2026-09", part(a, MIB, 2 * MIB));

    List<PartsBackup.Result> results = run(august, september);

    assertThat(repo.snapshots()).hasSize(2);
    Snapshot first = results.get(0).backup().snapshot().snapshot();
    Snapshot second = results.get(1).backup().snapshot().snapshot();
    assertThat(first.tags()).containsExactly("month:2026-08");
    assertThat(second.tags()).containsExactly("month:2026-09");
    assertThat(first.summary().files()).isEqualTo(2);
    assertThat(first.summary().bytes()).isEqualTo(MIB + bBytes.length);
    assertThat(second.summary().files()).isEqualTo(1);
    assertThat(second.summary().bytes()).isEqualTo(2 * MIB);
    assertThat(results.get(0).sha256()).containsEntry(a, sha256(aBytes, 0, MIB))
        .containsEntry(b, sha256(bBytes, 0, bBytes.length)).hasSize(2);
    assertThat(results.get(1).sha256()).containsEntry(a, sha256(aBytes, MIB, 3 * MIB)).hasSize(1);
    assertThat(stored(results.get(0), a)).isEqualTo(Arrays.copyOfRange(aBytes, 0, MIB));
    assertThat(stored(results.get(0), b)).isEqualTo(bBytes);
    assertThat(stored(results.get(1), a)).isEqualTo(Arrays.copyOfRange(aBytes, MIB, 3 * MIB));
  }

  @Test
  void aPartCutShortIsAProblemOfItsOwnSnapshotOnly() {
    List<PartsBackup.Result> results = run(batch("2026-08", part(a, 0, MIB)),
        batch("2026-09", part(b, 0, bBytes.length + 100)));

    assertThat(results.get(0).backup().snapshot().snapshot().problems()).isEmpty();
    assertThat(results.get(1).backup().snapshot().snapshot().problems())
        .singleElement().satisfies(p -> assertThat(p.what()).contains("ended 100 bytes before"));
  }

  @Test
  void dataTwoBatchesShareIsStoredOnceAndCountedInTheFirst() {
    List<PartsBackup.Result> results = run(batch("2026-08", part(b, 0, bBytes.length)),
        batch("2026-09", part(b, 0, bBytes.length)));

    assertThat(results.get(0).backup().snapshot().snapshot().summary().bytesAdded()).isGreaterThanOrEqualTo(bBytes.length);
    assertThat(results.get(1).backup().snapshot().snapshot().summary().bytesAdded()).isLessThan(4096);
    assertThat(results.get(1).sha256()).isEqualTo(results.get(0).sha256());
  }

  private List<PartsBackup.Result> run(PartsBackup.Batch... batches) {
    List<Integer> order = new ArrayList<>();
    List<PartsBackup.Result> results = new ArrayList<>();
    new PartsBackup(repo, TestBackups.CLOCK, "test").run(List.of(batches), Optional.of("test"), BackupProgress.NONE,
        (i, r) -> {
          order.add(i);
          results.add(r);
        });
    assertThat(order).as("committed in batch order").isEqualTo(java.util.stream.IntStream.range(0, batches.length)
        .boxed().toList());
    return results;
  }

  private static PartsBackup.Batch batch(String month, PartsBackup.Part... parts) {
    return new PartsBackup.Batch(List.of(parts), "logs:test", List.of("month:" + month));
  }

  private static PartsBackup.Part part(Path file, long offset, long length) {
    return new PartsBackup.Part(file, offset, length);
  }

  private byte[] stored(PartsBackup.Result result, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FileStreamer(repo).stream(result.backup().snapshot().id(), file.toString(), out, RestoreProgress.NONE);
    return out.toByteArray();
  }

  private static String sha256(byte[] data, int from, int to) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(data, from, to - from);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

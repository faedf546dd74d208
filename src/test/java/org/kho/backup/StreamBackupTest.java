package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.UsageException;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.restore.FileStreamer;
import org.kho.restore.RestoreProgress;

/** Streams (a dump's output) backed up as one file at the top of the snapshot. */
class StreamBackupTest {
  @TempDir
  Path tmp;
  Repository repo;
  byte[] dump = new byte[5 << 20];

  @BeforeEach
  void setUp() {
    repo = TestBackups.init(tmp.resolve("repo"));
    new Random(11).nextBytes(dump);
  }

  private BackupResult backup(BackupRequest.DataStream... streams) {
    return new BackupService(repo, TestBackups.CLOCK, "test").run(new BackupRequest(List.of(), "db", List.of(),
        Optional.empty(), false, Optional.empty(), List.of(streams)), BackupProgress.NONE);
  }

  private BackupRequest.DataStream stream(String name, byte[] data) {
    return new BackupRequest.DataStream(name, () -> new ByteArrayInputStream(data));
  }

  @Test
  void streamIsStoredAsOneFileWithItsExactBytesAndDeduplicatesNextTime() {
    BackupResult first = backup(stream("hr.dump", dump));
    SnapshotRef snap = first.snapshot();
    assertThat(snap.snapshot().paths()).containsExactly("/hr.dump");
    Node node = repo.readTree(org.kho.repository.BlobId.parse(snap.snapshot().tree())).find("hr.dump");
    assertThat(node.type()).isEqualTo(Node.Type.FILE);
    assertThat(node.size()).isEqualTo(dump.length);
    assertThat(node.mode()).isEqualTo(0600);
    assertThat(node.content()).hasSizeGreaterThan(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FileStreamer(repo).stream(snap.id().substring(0, 8), "/hr.dump", out, RestoreProgress.NONE);
    assertThat(out.toByteArray()).isEqualTo(dump);

    BackupResult second = backup(stream("hr.dump", dump));
    assertThat(second.parent()).isEqualTo(snap.id());
    assertThat(second.snapshot().snapshot().summary().bytesAdded()).isLessThan(dump.length / 100);
  }

  @Test
  void streamThatFailsPartWayCommitsNoSnapshot() {
    BackupRequest.DataStream broken = new BackupRequest.DataStream("hr.dump", () -> new SequenceInputStream(
        new ByteArrayInputStream(dump), new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("pg_dump failed with exit status 1");
          }
        }));
    assertThatThrownBy(() -> backup(broken)).hasMessageContaining("'hr.dump'").hasMessageContaining("exit status 1");
    assertThat(repo.snapshots()).isEmpty();
  }

  @Test
  void twoStreamsWithOneNameAreRefused() {
    assertThatThrownBy(() -> backup(stream("a.dump", dump), stream("a.dump", dump)))
        .isInstanceOf(UsageException.class).hasMessageContaining("'/a.dump' is used twice");
    assertThat(repo.snapshots()).isEmpty();
  }

  @Test
  void streamNameMustBeAFileName() {
    assertThatThrownBy(() -> stream("dumps/a.dump", dump)).isInstanceOf(IllegalArgumentException.class);
  }
}

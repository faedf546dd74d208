package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.TransientStorageException;

class SpooledUploadTest {
  private static final ObjectName PACK = ObjectName.of(ObjectKind.DATA, "ab" + "0".repeat(62));
  private final List<Path> spools = new ArrayList<>();
  private final List<byte[]> sent = new ArrayList<>();
  private int failuresLeft;

  private void send(ObjectName name, Path spool, long length) {
    spools.add(spool);
    if (failuresLeft-- > 0) {
      throw new TransientStorageException("connection reset", "try again", null);
    }
    try {
      assertThat(Files.size(spool)).isEqualTo(length);
      sent.add(Files.readAllBytes(spool));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCommitThatFailedSendsTheWholeSpoolAgainAndTheSpoolGoesOnceSent() {
    failuresLeft = 1;
    try (SpooledUpload upload = SpooledUpload.open(ObjectKind.DATA, "sftp://test", this::send)) {
      upload.write("hello ".getBytes(), 0, 6);
      upload.write("xworldx".getBytes(), 1, 5);

      assertThat(upload.repeatableCommit()).isTrue();
      assertThatThrownBy(() -> upload.commit(PACK)).isInstanceOf(TransientStorageException.class);
      assertThat(spools.getFirst()).exists();
      upload.commit(PACK);
    }

    assertThat(sent).singleElement().isEqualTo("hello world".getBytes());
    assertThat(spools).hasSize(2).allSatisfy(spool -> assertThat(spool).doesNotExist());
  }

  @Test
  void aCommitAgainAfterTheObjectWasSentFindsItsNameTaken() {
    try (SpooledUpload upload = SpooledUpload.open(ObjectKind.DATA, "sftp://test", this::send)) {
      upload.write(new byte[10], 0, 10);
      upload.commit(PACK);

      assertThatThrownBy(() -> upload.commit(PACK)).isInstanceOf(ObjectExistsException.class)
          .hasMessageContaining(PACK.toString());
    }
    assertThat(sent).hasSize(1);
  }

  @Test
  void closingWithoutACommitRemovesTheSpoolAndSendsNothing() {
    Path spool;
    try (SpooledUpload upload = SpooledUpload.open(ObjectKind.DATA, "sftp://test", this::send)) {
      upload.write(new byte[100], 0, 100);
      spool = upload.spool();
      assertThat(spool).hasSize(100);
    }

    assertThat(spool).doesNotExist();
    assertThat(sent).isEmpty();
  }

  @Test
  void aCommitUnderANameOfAnotherKindIsRefused() {
    try (SpooledUpload upload = SpooledUpload.open(ObjectKind.DATA, "sftp://test", this::send)) {
      assertThatThrownBy(() -> upload.commit(ObjectName.of(ObjectKind.INDEX, "ab" + "0".repeat(62))))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(sent).isEmpty();
  }
}

package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kho.storage.StorageContract.MIB;
import static org.kho.storage.StorageContract.nameOf;
import static org.kho.storage.StorageContract.randomBytes;

import org.junit.jupiter.api.Test;
import org.kho.storage.Storage.ObjectInfo;

/**
 * What a target that takes objects in pieces ({@link Storage#upload}) promises on top of {@link
 * StorageContract}: nothing shows before the commit, a commit is all or nothing and never
 * replaces an object. Implemented by the contract tests of the targets that stream.
 */
public interface UploadContract {
  /** The target under test (the contract test's own). */
  Storage uploadTarget();

  @Test
  default void anUploadWrittenInPiecesIsInvisibleUntilItsCommitThenReadsBackWhole() {
    byte[] data = randomBytes(3 * MIB + 17);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    try (Storage.Upload upload = uploadTarget().upload(ObjectKind.DATA).orElseThrow()) {
      for (int off = 0; off < data.length; off += MIB / 3) {
        upload.write(data, off, Math.min(MIB / 3, data.length - off));
      }
      assertThat(uploadTarget().list(ObjectKind.DATA)).isEmpty();
      assertThat(uploadTarget().exists(name)).isFalse();

      upload.commit(name);
    }

    assertThat(uploadTarget().read(name)).isEqualTo(data);
    assertThat(uploadTarget().list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, data.length));
  }

  @Test
  default void anUploadClosedWithoutCommitLeavesNothing() {
    try (Storage.Upload upload = uploadTarget().upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(randomBytes(1000), 0, 1000);
    }

    assertThat(uploadTarget().list(ObjectKind.DATA)).isEmpty();
  }

  @Test
  default void anUploadCommitRefusesAnExistingNameAndKeepsTheOldBytes() {
    byte[] original = randomBytes(5000);
    ObjectName name = nameOf(ObjectKind.DATA, original);
    uploadTarget().create(name, original);

    try (Storage.Upload upload = uploadTarget().upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(randomBytes(100), 0, 100);
      assertThatThrownBy(() -> upload.commit(name))
          .isInstanceOf(ObjectExistsException.class)
          .hasMessageContaining(name.toString());
    }
    assertThat(uploadTarget().read(name)).isEqualTo(original);
    assertThat(uploadTarget().list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, 5000));
  }
}

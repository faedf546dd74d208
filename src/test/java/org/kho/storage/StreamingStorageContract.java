package org.kho.storage;

/**
 * The storage contract for a target that streams uploads ({@link Storage#upload}): every case of
 * {@link StorageContract}, and those of {@link UploadContract} on the same target.
 */
public abstract class StreamingStorageContract extends StorageContract implements UploadContract {
  @Override
  public final Storage uploadTarget() {
    return storage();
  }

  @Override
  protected final boolean streams() {
    return true;
  }
}

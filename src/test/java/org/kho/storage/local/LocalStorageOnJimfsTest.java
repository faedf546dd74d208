package org.kho.storage.local;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Feature;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.kho.storage.Storage;
import org.kho.storage.StreamingStorageContract;

/**
 * The local target keeps the contract on a filesystem other than the default one, and one without
 * hard links (as FAT and exFAT disks), where it publishes objects by renaming instead of linking.
 */
class LocalStorageOnJimfsTest extends StreamingStorageContract {


  private final FileSystem fileSystem = Jimfs.newFileSystem(
      Configuration.unix().toBuilder().setSupportedFeatures(Feature.FILE_CHANNEL).build());

  @Override
  protected Storage newStorage() {
    return LocalStorage.create(fileSystem.getPath("/backup/repo"));
  }

  @AfterEach
  void closeFileSystem() throws IOException {
    fileSystem.close();
  }
}

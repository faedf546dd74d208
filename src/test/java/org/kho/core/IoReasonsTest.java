package org.kho.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class IoReasonsTest {
  @Test
  void namesTheCommonFailuresInWordsAndNeverByClassName() {
    assertThat(IoReasons.of(new AccessDeniedException("/a"))).isEqualTo("permission denied");
    assertThat(IoReasons.of(new NoSuchFileException("/a"))).isEqualTo("no such file or folder");
    assertThat(IoReasons.of(new NotDirectoryException("/a"))).isEqualTo("a file stands where a folder should be");
    assertThat(IoReasons.of(new FileSystemException("/a", null, "Read-only file system"))).isEqualTo("Read-only file system");
    assertThat(IoReasons.of(new IOException("Input/output error"))).isEqualTo("Input/output error");
  }

  @Test
  void namesTheFileOnlyWhereItIsNotTheOneTheMessageAlreadyNames() {
    assertThat(IoReasons.of(new NoSuchFileException("/t"), "/t")).isEqualTo("no such file or folder");
    assertThat(IoReasons.of(new AccessDeniedException("/t/a/b"), "/t")).isEqualTo("/t/a/b: permission denied");
    assertThat(IoReasons.of(new IOException("Input/output error"), "/t")).isEqualTo("Input/output error");
  }
}

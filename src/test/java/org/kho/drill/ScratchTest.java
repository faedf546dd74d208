package org.kho.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
  @TempDir
  Path tmp;

  @Test
  void scratchThatIsContainsOrLiesInsideASourceOrTargetIsRefused() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("srv/data"));
    Path target = Files.createDirectories(tmp.resolve("backup"));
    List<Path> kept = List.of(source, target);

    assertThat(Scratch.refusals(source, kept)).containsExactly("it is " + source);
    assertThat(Scratch.refusals(tmp.resolve("srv"), kept)).contains("it contains " + source);
    assertThat(Scratch.refusals(target.resolve("scratch"), kept)).containsExactly("it is inside " + target);
    assertThat(Scratch.refusals(tmp.resolve("scratch"), kept)).isEmpty();
  }

  @Test
  void aSymbolicLinkIntoASourceIsSeenThrough() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("srv/data"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), source);

    assertThat(Scratch.refusals(link.resolve("drill"), List.of(source))).containsExactly("it is inside " + source);
  }

  @Test
  void aFolderThatHoldsSomethingIsRefusedAndLeftAlone() throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    Path keep = Files.writeString(scratch.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> Scratch.prepare(scratch, List.of())).isInstanceOf(ScratchRefusedException.class)
        .hasMessageContaining("not empty");
    assertThat(keep).hasContent("mine");
  }

  @Test
  void aNewFolderIsCreatedPrivateAndRemovedWithEverythingRestoredIntoIt() throws Exception {
    Path scratch = tmp.resolve("new/scratch");
    try (Scratch s = Scratch.prepare(scratch, List.of())) {
      assertThat(Files.getPosixFilePermissions(scratch)).hasSize(3);
      Path deep = Files.createDirectories(scratch.resolve("item/srv/ro"));
      Files.writeString(deep.resolve("f"), "x");
      Files.setPosixFilePermissions(deep, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
    }

    assertThat(scratch).doesNotExist();
    assertThat(tmp.resolve("new")).isDirectory();
  }

  @Test
  void anExistingEmptyFolderIsEmptiedAndKept() throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    try (Scratch s = Scratch.prepare(scratch, List.of())) {
      Files.writeString(scratch.resolve("restored.txt"), "x");
    }

    assertThat(scratch).isEmptyDirectory();
  }
}

package org.kho.wipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.wipe.CommandRunner.Result;

/**
 * Firmware erase cannot run on this machine (no ATA or NVMe disk to spare): these tests check
 * capability detection from the tools' real output formats and the exact commands Kho would run.
 */
class FirmwareEraserTest {
  @TempDir
  Path tmp;

  static String resource(String name) throws IOException {
    try (InputStream in = FirmwareEraserTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  FakeMachine machine(Map<String, Result> answers) throws IOException {
    return new FakeMachine(tmp.resolve("sys"), "lsblk-server.json", Map.of(), answers);
  }

  FirmwareEraser eraser(FakeMachine m) {
    return new FirmwareEraser(m, m.sys, Duration.ZERO);
  }

  @Test
  void ataSanitizeIsFoundAndFrozenSecurityEraseIsExplained() throws IOException {
    FakeMachine m = machine(Map.of("hdparm -I", new Result(0, resource("hdparm-I-sanitize.txt"), "")));
    Files.createDirectories(m.sys.resolve("block/sdc/queue"));
    Files.writeString(m.sys.resolve("block/sdc/queue/discard_max_bytes"), "2147450880\n");
    FirmwareEraser.Capabilities caps = eraser(m).detect(m.devices().find("sdc"));
    assertThat(caps.methods()).containsExactly(Firmware.ATA_SANITIZE_CRYPTO, Firmware.ATA_SANITIZE_BLOCK,
        Firmware.BLKDISCARD_SECURE);
    assertThat(caps.notes()).hasSize(2).first().asString().contains("frozen");
    assertThat(m.ran).contains(List.of("hdparm", "-I", "/dev/sdc"));
  }

  @Test
  void nvmeCapabilitiesComeFromIdCtrl() throws IOException {
    String idCtrl = "{\"vid\": 5197, \"oacs\": 23, \"fna\": 4, \"sanicap\": 3}";
    FakeMachine m = machine(Map.of("nvme id-ctrl /dev/nvme0", new Result(0, idCtrl, "")));
    FirmwareEraser.Capabilities caps = eraser(m).detect(m.devices().find("nvme0n1"));
    assertThat(caps.methods()).containsExactly(Firmware.NVME_SANITIZE_CRYPTO, Firmware.NVME_SANITIZE_BLOCK,
        Firmware.NVME_FORMAT_CRYPTO, Firmware.NVME_FORMAT_ERASE);
  }

  @Test
  void aMissingToolIsSaidAndNothingIsOffered() throws IOException {
    FakeMachine m = machine(Map.of());
    FirmwareEraser.Capabilities caps = eraser(m).detect(m.devices().find("nvme0n1"));
    assertThat(caps.methods()).isEmpty();
    assertThat(caps.notes()).singleElement().asString().contains("nvme-cli is not installed");
  }

  @Test
  void nothingIsSentThroughAUsbBridge() throws IOException {
    FakeMachine m = machine(Map.of());
    FirmwareEraser.Capabilities caps = eraser(m).detect(m.devices().find("sdd"));
    assertThat(caps.notes()).singleElement().asString().contains("USB bridge");
    assertThat(m.ran).noneMatch(c -> c.getFirst().equals("hdparm"));
  }

  @Test
  void commandsAreTheOnesTheToolsDocument() throws IOException {
    FakeMachine m = machine(Map.of());
    FirmwareEraser e = eraser(m);
    Device nvme = m.devices().find("nvme0n1");
    Device sdc = m.devices().find("sdc");
    assertThat(e.commands(Firmware.NVME_SANITIZE_CRYPTO, nvme)).containsExactly(
        List.of("nvme", "sanitize", "/dev/nvme0", "--sanact=4"));
    assertThat(e.commands(Firmware.NVME_FORMAT_ERASE, nvme)).containsExactly(
        List.of("nvme", "format", "/dev/nvme0n1", "--ses=1", "--force"));
    assertThat(e.commands(Firmware.ATA_SANITIZE_BLOCK, sdc)).containsExactly(
        List.of("hdparm", "--yes-i-know-what-i-am-doing", "--sanitize-block-erase", "/dev/sdc"));
    assertThat(e.commands(Firmware.ATA_SECURE_ERASE, sdc)).containsExactly(
        List.of("hdparm", "--user-master", "u", "--security-set-pass", "kho", "/dev/sdc"),
        List.of("hdparm", "--user-master", "u", "--security-erase-enhanced", "kho", "/dev/sdc"));
    assertThat(e.commands(Firmware.BLKDISCARD_SECURE, sdc)).containsExactly(List.of("blkdiscard", "--secure", "/dev/sdc"));
  }

  @Test
  void aSanitizeIsFollowedUntilTheDeviceReportsItDone() throws IOException {
    FakeMachine m = machine(Map.of(
        "nvme sanitize /dev/nvme0 --sanact=4", new Result(0, "", ""),
        "nvme sanitize-log", new Result(0, "{\"nvme0\": {\"sprog\": 65535, \"sstat\": 257}}", "")));
    eraser(m).run(Firmware.NVME_SANITIZE_CRYPTO, m.devices().find("nvme0n1"), WipeProgress.NONE);
    assertThat(m.ran).containsSubsequence(List.of("nvme", "sanitize", "/dev/nvme0", "--sanact=4"),
        List.of("nvme", "sanitize-log", "/dev/nvme0", "-o", "json"));
    assertThat(FirmwareOutput.nvmeSanitize("{\"sstat\": 2}")).isEqualTo(FirmwareOutput.SanitizeState.RUNNING);
    assertThat(FirmwareOutput.nvmeSanitize("{\"sstat\": 3}")).isEqualTo(FirmwareOutput.SanitizeState.FAILED);
    assertThat(FirmwareOutput.ataSanitize("Sanitize status:\n    State:    SD2 Sanitize operation In Process\n"))
        .isEqualTo(FirmwareOutput.SanitizeState.RUNNING);
  }

  @Test
  void aRejectedCommandFailsWithWhatTheToolSaid() throws IOException {
    FakeMachine m = machine(Map.of("blkdiscard", new Result(1, "", "blkdiscard: /dev/sdc: BLKSECDISCARD ioctl failed: Operation not supported")));
    assertThatThrownBy(() -> eraser(m).run(Firmware.BLKDISCARD_SECURE, m.devices().find("sdc"), WipeProgress.NONE))
        .hasMessageContaining("Operation not supported");
  }

  @Test
  void purgeIsClaimedOnlyWhereNistAllowsIt() {
    assertThat(Firmware.ATA_SECURE_ERASE.category(MediaType.HDD)).isEqualTo(WipeMethod.NistCategory.PURGE);
    assertThat(Firmware.ATA_SECURE_ERASE.category(MediaType.SSD)).isEqualTo(WipeMethod.NistCategory.CLEAR);
    assertThat(Firmware.NVME_SANITIZE_BLOCK.category(MediaType.NVME)).isEqualTo(WipeMethod.NistCategory.PURGE);
    assertThat(Overwrite.RANDOM.category(MediaType.HDD)).isEqualTo(WipeMethod.NistCategory.CLEAR);
  }
}

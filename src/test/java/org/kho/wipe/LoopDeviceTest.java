package org.kho.wipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.wipe.Refusal.Reason;
import org.kho.wipe.WipeCertificate.Verification;

/**
 * Wipes and refusals on real block devices: loop devices this test attaches over images in a
 * temporary folder (and always detaches). Runs as root only (CI runs as root); skipped otherwise.
 * The system disk is only ever planned, never run.
 */
class LoopDeviceTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void rootWithLoopDevices() {
    assumeTrue("root".equals(System.getProperty("user.name")), "loop devices need root");
    assumeTrue(sh("losetup", "--version").ok(), "losetup is installed");
  }

  static CommandRunner.Result sh(String... command) {
    return CommandRunner.SYSTEM.run(List.of(command));
  }

  /** A loop device over {@code image}; the caller detaches it. */
  static String attach(Path image) {
    CommandRunner.Result r = sh("losetup", "--find", "--show", image.toString());
    assertThat(r.ok()).as("losetup: %s", r.err()).isTrue();
    String loop = r.out().strip();
    assertThat(loop).startsWith("/dev/loop");
    return loop;
  }

  static void detach(String loop) {
    sh("losetup", "-d", loop);
  }

  Path image(String name, long size) throws IOException {
    Path p = tmp.resolve(name);
    byte[] data = new byte[(int) size];
    new Random(3).nextBytes(data);
    Files.write(p, data);
    return p;
  }

  Wiper wiper() {
    return new Wiper(new FirmwareEraser(CommandRunner.SYSTEM, Path.of("/sys"), java.time.Duration.ZERO),
        new Journal(tmp.resolve("journal")), ImageWipeTest.CLOCK);
  }

  static WipeRequest request(Device d, WipeMethod m, String serial, boolean yes) {
    return new WipeRequest(d.path(), m, Verify.LAST, serial, yes, false, null, "Lan", null);
  }

  @Test
  void aLoopDeviceIsWipedToThePatternAndVerified() throws IOException {
    Path img = image("loop.img", 24 * 1024 * 1024 + 1536);  // a 512-byte-sector tail past the last 4 KiB
    String loop = attach(img);
    try {
      Device d = Devices.system().find(loop);
      assertThat(d.kind()).isEqualTo(Device.Kind.LOOP);
      assertThat(d.confirmation()).isEqualTo("loop.img");
      WipeRequest r = request(d, Overwrite.ZERO, "loop.img", true);
      WipePlan plan = wiper().plan(d, r, Devices.system().context(Map.of()));
      assertThat(plan.refusals()).isEmpty();
      WipeCertificate c = wiper().run(plan, r, ImageWipeTest.ORIGIN, WipeProgress.NONE, () -> false);
      assertThat(c.verification().result()).isEqualTo(Verification.Result.PASSED);
      assertThat(c.verification().bytesRead()).isEqualTo(Files.size(img));
      assertThat(c.directIo()).isTrue();
      ImageWipeTest.assertEveryByte(img, 0);

      WipeRequest random = request(d, Overwrite.RANDOM, "loop.img", true);
      SeedCapture seed = new SeedCapture(new Journal(tmp.resolve("journal")), "loop.img", Files.size(img));
      WipeCertificate rc = wiper().run(wiper().plan(d, random, Devices.system().context(Map.of())), random,
          ImageWipeTest.ORIGIN, seed, () -> false);
      assertThat(rc.verification().result()).as("the keystream regenerated matches the device").isEqualTo(Verification.Result.PASSED);
      assertThat(Files.readAllBytes(img)).isEqualTo(seed.keystream((int) Files.size(img)));
    } finally {
      detach(loop);
    }
  }

  @Test
  void aMountedLoopDeviceHoldingABackupTargetIsRefusedAndLeftAlone() throws IOException {
    assumeTrue(sh("mkfs.ext4", "-V").ok() || sh("which", "mkfs.ext4").ok(), "mkfs.ext4 is installed");
    Path img = tmp.resolve("fs.img");
    Files.write(img, new byte[16 * 1024 * 1024]);
    assertThat(sh("mkfs.ext4", "-q", "-F", img.toString()).ok()).isTrue();
    String loop = attach(img);
    Path mnt = Files.createDirectories(tmp.resolve("mnt"));
    try {
      assertThat(sh("mount", loop, mnt.toString()).ok()).isTrue();
      Path target = Files.createDirectories(mnt.resolve("kho-repo"));
      Files.writeString(target.resolve("config"), "a backup");
      Device d = Devices.system().find(loop);
      WipeRequest r = request(d, Overwrite.ZERO, "fs.img", true);
      WipePlan plan = wiper().plan(d, r, Devices.system().context(Map.of("usb-backup", target)));
      assertThat(plan.refusals()).extracting(Refusal::reason).containsExactly(Reason.MOUNTED, Reason.BACKUP_TARGET);
      assertThat(plan.refusals().getFirst().detail()).contains(loop + " on " + mnt);
      assertThat(plan.refusals().get(1).detail()).contains("backup target 'usb-backup'");
      assertThatThrownBy(() -> wiper().run(plan, r, ImageWipeTest.ORIGIN, WipeProgress.NONE, () -> false))
          .isInstanceOf(WipeRefusedException.class);
      assertThat(Files.readString(target.resolve("config"))).isEqualTo("a backup");
    } finally {
      sh("umount", mnt.toString());
      detach(loop);
    }
  }

  @Test
  void aLoopDeviceWhoseSerialDoesNotMatchIsRefused() throws IOException {
    Path img = image("named.img", 1024 * 1024);
    byte[] before = Files.readAllBytes(img);
    String loop = attach(img);
    try {
      Device d = Devices.system().find(loop);
      WipeRequest r = request(d, Overwrite.ZERO, "other.img", true);
      WipePlan plan = wiper().plan(d, r, Devices.system().context(Map.of()));
      assertThat(plan.refusals()).extracting(Refusal::reason).containsExactly(Reason.SERIAL_MISMATCH);
      assertThatThrownBy(() -> wiper().run(plan, r, ImageWipeTest.ORIGIN, WipeProgress.NONE, () -> false))
          .isInstanceOf(WipeRefusedException.class);
      assertThat(Files.readAllBytes(img)).isEqualTo(before);
      Device image = Devices.system().find(img.toString());
      assertThat(Safety.check(image, Devices.system().context(Map.of()))).extracting(Refusal::reason)
          .as("the image itself, while attached").containsExactly(Reason.IMAGE_ATTACHED);
    } finally {
      detach(loop);
    }
  }

  @Test
  void theDiskUnderRootIsRefusedInThePlan() {
    CommandRunner.Result root = sh("findmnt", "-n", "-o", "SOURCE", "/");
    assumeTrue(root.ok() && root.out().strip().startsWith("/dev/"), "/ is on a block device");
    Device d = Devices.system().find(root.out().strip().replaceAll("\\[.*]$", ""));
    // only planned, with no --yes: nothing here can write to it
    WipePlan plan = wiper().plan(d, request(d, Overwrite.ZERO, null, false), Devices.system().context(Map.of()));
    assertThat(plan.refusals()).extracting(Refusal::reason).contains(Reason.SYSTEM_DISK);
    assertThat(plan.allowed()).isFalse();
  }
}

package org.kho.wipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.wipe.Refusal.Reason;

/** Safety checks on a made-up server: system disk, encrypted backup disk, old LVM disk, NVMe, USB stick. */
class SafetyTest {
  @TempDir
  Path tmp;
  Path backupFolder;
  FakeMachine machine;
  Safety.Context context;

  @BeforeEach
  void setUp() throws IOException {
    backupFolder = Files.createDirectories(tmp.resolve("srv/backup/kho"));
    machine = new FakeMachine(tmp.resolve("sys"), "lsblk-server.json",
        Map.of("/", "8:2 sda2", backupFolder.toString(), "253:0 dm-0"), Map.of());
    context = machine.devices().context(Map.of("offsite", backupFolder));
  }

  private List<Reason> reasons(String name) {
    Device d = machine.devices().list().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    return Safety.check(d, context).stream().map(Refusal::reason).toList();
  }

  @Test
  void listsWholeDisksWithMediaAndSerials() {
    List<Device> all = machine.devices().list();
    assertThat(all).extracting(Device::name).containsExactly("sda", "sdb", "sdc", "nvme0n1", "sdd");
    assertThat(all).extracting(Device::media).containsExactly(MediaType.HDD, MediaType.HDD, MediaType.SSD,
        MediaType.NVME, MediaType.USB_FLASH);
    assertThat(all.getFirst().confirmation()).isEqualTo("WD-WCC2EJR81234");
    assertThat(all.getFirst().vendor()).as("trimmed").isEqualTo("ATA");
    assertThat(all.get(2).size()).as("sizes written as strings by old lsblk").isEqualTo(1000204886016L);
  }

  @Test
  void theDiskUnderRootIsRefusedAsSystemAndMounted() {
    assertThat(reasons("sda")).containsExactly(Reason.SYSTEM_DISK, Reason.MOUNTED);
    Device sda = machine.devices().find("sda");
    assertThat(Safety.check(sda, context).getFirst().detail()).contains("running system", "/boot/efi");
  }

  @Test
  void aDiskHoldingABackupTargetIsRefusedNamingTheTarget() {
    assertThat(reasons("sdb")).containsExactly(Reason.MOUNTED, Reason.HOLDER_IN_USE, Reason.BACKUP_TARGET);
    Device sdb = machine.devices().find("sdb");
    List<Refusal> refusals = Safety.check(sdb, context);
    assertThat(refusals.get(1).detail()).contains("/dev/mapper/backup-crypt (dm-crypt mapping)");
    assertThat(refusals.get(2).detail()).contains("backup target 'offsite'");
  }

  @Test
  void aDiskUnderAnActiveLvmVolumeIsRefusedEvenUnmounted() {
    assertThat(reasons("sdc")).containsExactly(Reason.HOLDER_IN_USE);
  }

  @Test
  void aFreeDiskMayBeWipedAndAReadOnlyOneMayNot() {
    assertThat(reasons("nvme0n1")).isEmpty();
    assertThat(reasons("sdd")).containsExactly(Reason.READ_ONLY);
  }

  @Test
  void aPartitionIsNotAWholeDisk() {
    Device part = machine.devices().find("sdc1");
    assertThat(Safety.check(part, context)).extracting(Refusal::reason)
        .containsExactly(Reason.NOT_A_DISK, Reason.HOLDER_IN_USE);
  }
}

package org.kho.wipe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kho.wipe.Refusal.Reason;

/**
 * Every reason not to wipe a device: not a whole disk, no medium, read-only, the running system,
 * mounted (itself or anything on it), holding LVM/MD/dm-crypt devices in use, holding a configured
 * backup target; for an image file, attached to a loop device or not writable. A device may be
 * wiped only when {@link #check} finds nothing. Pure: the machine's facts come in a {@link Context}.
 */
public final class Safety {
  private Safety() {}

  /**
   * The facts about the machine a check needs.
   *
   * @param systemDevices kernel names of the devices holding /, /boot, /usr, /var and swap
   * @param targetDevices backup target id → kernel name of the device its folder is on
   * @param loopFiles backing file → the loop device attached to it
   */
  public record Context(List<String> systemDevices, Map<String, String> targetDevices, Map<String, String> loopFiles) {
    public Context {
      systemDevices = List.copyOf(systemDevices);
      targetDevices = Map.copyOf(targetDevices);
      loopFiles = Map.copyOf(loopFiles);
    }
  }

  /** Every reason to refuse {@code d}, in order; empty when it may be wiped. */
  public static List<Refusal> check(Device d, Context machine) {
    return d.kind() == Device.Kind.IMAGE ? image(d, machine) : block(d, machine);
  }

  private static List<Refusal> block(Device d, Context machine) {
    List<Refusal> found = new ArrayList<>();
    if (d.kind() != Device.Kind.DISK && d.kind() != Device.Kind.LOOP) {
      found.add(new Refusal(Reason.NOT_A_DISK, d.path() + " is a " + d.type() + ", not a whole disk",
          "wipe the whole disk it is on (see 'kho wipe list'); a disk leaving the agency must be wiped whole"));
    }
    if (d.size() == 0) {
      found.add(new Refusal(Reason.NO_MEDIUM, d.path() + " has no medium (size 0)", "insert the medium, or pick another device"));
    }
    if (d.readOnly()) {
      found.add(new Refusal(Reason.READ_ONLY, d.path() + " is read-only", "check its write-protect switch, or 'blockdev --setrw'"));
    }
    List<String> system = machine.systemDevices().stream().filter(d::holds).distinct().toList();
    if (!system.isEmpty()) {
      found.add(new Refusal(Reason.SYSTEM_DISK, d.path() + " holds the running system (" + String.join(", ", system)
          + " under " + systemMounts(d) + ")", "wipe it from another system, e.g. booted from a rescue USB stick"));
    }
    mounted(d).ifPresent(found::add);
    holders(d).ifPresent(found::add);
    machine.targetDevices().forEach((target, kname) -> {
      if (d.holds(kname)) {
        found.add(new Refusal(Reason.BACKUP_TARGET, d.path() + " holds backup target '" + target + "' (on " + kname + ")",
            "this disk keeps backups: remove the target from catalogue.yaml first if it really is to be disposed of"));
      }
    });
    return found;
  }

  private static java.util.Optional<Refusal> mounted(Device d) {
    List<String> mounts = d.tree().filter(x -> !x.mountpoints().isEmpty())
        .map(x -> x.path() + " on " + String.join(", ", x.mountpoints())).toList();
    if (mounts.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Refusal(Reason.MOUNTED, d.path() + " is in use: " + String.join("; ", mounts),
        "unmount it first (umount MOUNTPOINT, swapoff DEVICE)"));
  }

  private static java.util.Optional<Refusal> holders(Device d) {
    List<Device> holders = d.tree().filter(x -> x.kind() == Device.Kind.HOLDER).toList();
    if (holders.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> named = holders.stream().map(h -> h.path() + " (" + holderName(h.type()) + ")").toList();
    return java.util.Optional.of(new Refusal(Reason.HOLDER_IN_USE,
        d.path() + " is part of active " + String.join(", ", named),
        "stop them first: lvchange -an / vgchange -an VG, cryptsetup close NAME, mdadm --stop /dev/mdN"));
  }

  private static String holderName(String type) {
    return switch (type) {
      case "lvm" -> "LVM volume";
      case "crypt" -> "dm-crypt mapping";
      case "dm" -> "device-mapper device";
      default -> type.startsWith("raid") || type.startsWith("md") ? "MD RAID " + type : type;
    };
  }

  private static String systemMounts(Device d) {
    List<String> m = d.allMountpoints().stream().filter(Devices.SYSTEM_MOUNTS::contains).toList();
    return m.isEmpty() ? "/" : String.join(", ", m);
  }

  private static List<Refusal> image(Device d, Context machine) {
    List<Refusal> found = new ArrayList<>();
    String loop = machine.loopFiles().get(d.path());
    if (loop != null) {
      found.add(new Refusal(Reason.IMAGE_ATTACHED, d.path() + " is attached to " + loop,
          "detach it first (losetup -d " + loop + "), or wipe " + loop + " instead"));
    }
    if (!Files.isWritable(Path.of(d.path()))) {
      found.add(new Refusal(Reason.NOT_WRITABLE, d.path() + " is not writable by this user", "run as its owner or as root"));
    }
    return found;
  }
}

package org.kho.wipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A block device as lsblk shows it, or an image file; with what sits on it (partitions and the
 * LVM, MD and dm-crypt devices built on it, as {@link #children}). Missing facts are null.
 *
 * @param path the device node ({@code /dev/sdb}) or the image file's absolute path
 * @param name the kernel name ({@code sdb}) or the image file's name
 * @param kind what it is
 * @param type lsblk's type ({@code disk}, {@code part}, {@code lvm}, {@code crypt}, {@code raid1}, ...)
 * @param vendor the vendor string, or null
 * @param model the model string, or null
 * @param serial the serial number the device reports, or null
 * @param size capacity in bytes
 * @param logicalSector the logical sector size in bytes (512 when unknown)
 * @param rotational whether the kernel says it spins
 * @param transport sata, nvme, usb, sas, virtio, ... or null
 * @param removable whether the kernel says it is removable
 * @param readOnly whether it is read-only
 * @param mountpoints where it is mounted itself ({@code [SWAP]} for active swap)
 * @param children partitions and holders on it, recursively
 * @param backingFile for a loop device, the file behind it; null otherwise
 */
public record Device(String path, String name, Kind kind, String type, String vendor, String model, String serial,
    long size, int logicalSector, boolean rotational, String transport, boolean removable, boolean readOnly,
    List<String> mountpoints, List<Device> children, String backingFile) {

  /** What a device is. */
  public enum Kind { DISK, LOOP, PARTITION, HOLDER, IMAGE, OTHER }

  public Device {
    mountpoints = List.copyOf(mountpoints);
    children = List.copyOf(children);
  }

  /** An image file as a wipe target: its serial is its file name. */
  static Device image(String path, String name, long size) {
    return new Device(path, name, Kind.IMAGE, "file", null, null, name, size, 512, false, null, false, false,
        List.of(), List.of(), null);
  }

  /**
   * What the operator types to confirm: the serial the device reports; for a loop device, the
   * name of its backing file; for an image file, its file name; else the kernel name.
   */
  public String confirmation() {
    if (serial != null && !serial.isBlank()) {
      return serial.strip();
    }
    if (backingFile != null) {
      return backingFile.substring(backingFile.lastIndexOf('/') + 1).replace(" (deleted)", "");
    }
    return name;
  }

  /**
   * What identifies the medium across runs (a disk's node may change when it is plugged in again,
   * its serial does not); for an image file, its path, since names repeat across folders.
   */
  public String identity() {
    return kind == Kind.IMAGE ? path : confirmation();
  }

  /** Where the confirmation comes from, for the plan: "serial", "backing file name", ... */
  public String confirmationSource() {
    if (serial != null && !serial.isBlank()) {
      return kind == Kind.IMAGE ? "image file name" : "serial";
    }
    return backingFile != null ? "backing file name (a loop device has no serial)" : "kernel name (the device reports no serial)";
  }

  /** The kind of medium, from the transport and whether it spins. */
  public MediaType media() {
    if (kind == Kind.IMAGE) {
      return MediaType.IMAGE;
    }
    if (kind == Kind.LOOP) {
      return MediaType.VIRTUAL;
    }
    String t = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
    if (t.equals("nvme") || name.startsWith("nvme")) {
      return MediaType.NVME;
    }
    if (t.equals("usb")) {
      return rotational ? MediaType.USB_DISK : MediaType.USB_FLASH;
    }
    if (t.equals("virtio") || name.startsWith("vd") || name.startsWith("xvd")) {
      return MediaType.VIRTUAL;
    }
    return rotational ? MediaType.HDD : MediaType.SSD;
  }

  /** This device and everything on it, depth first. */
  public Stream<Device> tree() {
    return Stream.concat(Stream.of(this), children.stream().flatMap(Device::tree));
  }

  /** Every mount point of this device and of everything on it. */
  public List<String> allMountpoints() {
    List<String> all = new ArrayList<>();
    tree().forEach(d -> all.addAll(d.mountpoints()));
    return all;
  }

  /** Whether {@code name} is this device or anything on it (a kernel name). */
  public boolean holds(String kernelName) {
    return tree().anyMatch(d -> d.name().equals(kernelName));
  }

  /** Vendor and model for people, or "-". */
  public String makeAndModel() {
    String s = Stream.of(vendor, model).filter(v -> v != null && !v.isBlank()).map(String::strip)
        .reduce((a, b) -> a + " " + b).orElse("");
    return s.isEmpty() ? "-" : s;
  }
}

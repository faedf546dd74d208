package org.kho.wipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.core.KhoException;

/**
 * Finds the machine's block devices (lsblk), what is mounted where (findmnt) and the files behind
 * loop devices (/sys/block); resolves a wipe argument to a {@link Device}. Reads only.
 */
public final class Devices {
  /** Mount points whose device is the running system. */
  static final List<String> SYSTEM_MOUNTS = List.of("/", "/boot", "/boot/efi", "/usr", "/var", "[SWAP]");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final CommandRunner runner;
  private final Path sys;

  public Devices(CommandRunner runner, Path sys) {
    this.runner = runner;
    this.sys = sys;
  }

  /** The machine's devices through the real tools and /sys. */
  public static Devices system() {
    return new Devices(CommandRunner.SYSTEM, Path.of("/sys"));
  }

  /** Every whole disk and loop device with a medium, and what is on it. */
  public List<Device> list() {
    return all().stream()
        .filter(d -> d.kind() == Device.Kind.DISK || d.kind() == Device.Kind.LOOP)
        .filter(d -> d.size() > 0 && !d.name().startsWith("zram") && !d.name().startsWith("ram"))
        .toList();
  }

  /**
   * The device {@code arg} names: a device node ({@code /dev/sdb}, {@code /dev/disk/by-id/...}), a
   * kernel name ({@code sdb}) or an image file.
   */
  public Device find(String arg) {
    Path p = Path.of(arg);
    if (Files.isRegularFile(p)) {
      return image(p);
    }
    String kname = kernelName(arg).orElseThrow(() -> new KhoException("no device or image file '" + arg + "'",
        "give a device such as /dev/sdb (see 'kho wipe list') or the path of an image file"));
    return all().stream().flatMap(Device::tree).filter(d -> d.name().equals(kname)).findFirst()
        .orElseThrow(() -> new KhoException("lsblk does not list " + arg + " (" + kname + ")",
            "see 'kho wipe list' for the devices of this machine"));
  }

  /** What {@link Safety} needs to know about the machine, with the backup targets' folders. */
  public Safety.Context context(Map<String, Path> targets) {
    List<Device> all = all();
    List<String> system = new ArrayList<>();
    for (String mount : SYSTEM_MOUNTS) {
      system.addAll(holdersOfMount(all, mount));
      if (!mount.startsWith("[")) {
        deviceOf(Path.of(mount)).ifPresent(system::add);
      }
    }
    Map<String, String> targetDevices = new LinkedHashMap<>();
    targets.forEach((id, path) -> deviceOf(path).ifPresent(kname -> targetDevices.put(id, kname)));
    return new Safety.Context(List.copyOf(system), targetDevices, loopBackingFiles(all));
  }

  /** The kernel name of the device holding the filesystem {@code path} is on, if it is a block device. */
  public Optional<String> deviceOf(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.empty();
    }
    CommandRunner.Result r = runner.run(List.of("findmnt", "-J", "-n", "-o", "SOURCE,MAJ:MIN", "-T", existing.toString()));
    if (!r.ok()) {
      return Optional.empty();
    }
    JsonNode fs = json(r.out(), "findmnt").path("filesystems").path(0);
    Optional<String> byNumber = kernelNameOfNumber(fs.path("maj:min").asText(""));
    return byNumber.isPresent() ? byNumber : kernelName(fs.path("source").asText("").replaceAll("\\[.*]$", ""));
  }

  private List<Device> all() {
    CommandRunner.Result r = runner.run(List.of("lsblk", "-J", "-b", "-o", Lsblk.COLUMNS));
    if (!r.ok()) {
      throw new KhoException("lsblk failed: " + r.err().strip(), "Kho needs util-linux's lsblk to find devices");
    }
    return Lsblk.parse(r.out(), this::backingFile);
  }

  private Device image(Path p) {
    try {
      Path real = p.toRealPath();
      return Device.image(real.toString(), real.getFileName().toString(), Files.size(real));
    } catch (IOException e) {
      throw new KhoException("cannot read image file " + p + ": " + e.getMessage(), "check the path and its permissions");
    }
  }

  /** The kernel name behind a device node or a name: /dev/mapper/x and by-id links resolve to dm-0, sdb. */
  private Optional<String> kernelName(String arg) {
    if (!arg.contains("/")) {
      return arg.isBlank() ? Optional.empty() : Optional.of(arg);
    }
    try {
      Path real = Path.of(arg).toRealPath();
      return real.startsWith("/dev") ? Optional.of(real.getFileName().toString()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> kernelNameOfNumber(String majMin) {
    if (!majMin.matches("\\d+:\\d+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(sys.resolve("dev/block").resolve(majMin).toRealPath().getFileName().toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> holdersOfMount(List<Device> all, String mount) {
    return all.stream().flatMap(Device::tree).filter(d -> d.mountpoints().contains(mount)).map(Device::name).toList();
  }

  private Map<String, String> loopBackingFiles(List<Device> all) {
    Map<String, String> files = new LinkedHashMap<>();
    all.stream().filter(d -> d.backingFile() != null).forEach(d -> files.put(d.backingFile(), d.path()));
    return files;
  }

  private String backingFile(String kname) {
    try {
      Path f = sys.resolve("block").resolve(kname).resolve("loop/backing_file");
      return Files.exists(f) ? Files.readString(f).strip() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode json(String text, String tool) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new KhoException("cannot read the output of " + tool + " (not JSON)", "check that util-linux's " + tool + " works");
    }
  }
}

package org.kho.wipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kho.core.KhoException;

/** Reads the JSON tree of {@code lsblk -J -b -o }{@link #COLUMNS} into {@link Device}s. */
final class Lsblk {
  /** The columns asked for; the parser also accepts the older single {@code mountpoint} column. */
  static final String COLUMNS = "NAME,KNAME,PATH,TYPE,SIZE,ROTA,TRAN,VENDOR,MODEL,SERIAL,RM,RO,LOG-SEC,MOUNTPOINTS";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Lsblk() {}

  /**
   * The top-level devices in {@code json}; {@code backingFile} gives the file behind a loop
   * device by kernel name (or null).
   */
  static List<Device> parse(String json, Function<String, String> backingFile) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new KhoException("cannot read the output of lsblk (not JSON)", "check that util-linux's lsblk works: lsblk -J");
    }
    List<Device> devices = new ArrayList<>();
    root.path("blockdevices").forEach(n -> devices.add(device(n, backingFile)));
    return devices;
  }

  private static Device device(JsonNode n, Function<String, String> backingFile) {
    String kname = text(n, "kname") != null ? text(n, "kname") : text(n, "name");
    String type = text(n, "type") == null ? "" : text(n, "type");
    List<Device> children = new ArrayList<>();
    n.path("children").forEach(c -> children.add(device(c, backingFile)));
    String path = text(n, "path") != null ? text(n, "path") : "/dev/" + kname;
    int sector = (int) number(n, "log-sec", 512);
    return new Device(path, kname, kind(type), type, trim(text(n, "vendor")), trim(text(n, "model")),
        trim(text(n, "serial")), number(n, "size", 0), sector == 0 ? 512 : sector, bool(n, "rota"), text(n, "tran"),
        bool(n, "rm"), bool(n, "ro"), mountpoints(n), children, type.equals("loop") ? backingFile.apply(kname) : null);
  }

  private static Device.Kind kind(String type) {
    return switch (type) {
      case "disk" -> Device.Kind.DISK;
      case "loop" -> Device.Kind.LOOP;
      case "part" -> Device.Kind.PARTITION;
      case "lvm", "crypt", "dm", "mpath" -> Device.Kind.HOLDER;
      default -> type.startsWith("raid") || type.startsWith("md") ? Device.Kind.HOLDER : Device.Kind.OTHER;
    };
  }

  private static List<String> mountpoints(JsonNode n) {
    List<String> mounts = new ArrayList<>();
    n.path("mountpoints").forEach(m -> {
      if (m.isTextual() && !m.textValue().isBlank()) {
        mounts.add(m.textValue());
      }
    });
    String single = text(n, "mountpoint");
    if (single != null && !single.isBlank() && !mounts.contains(single)) {
      mounts.add(single);
    }
    return mounts;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static long number(JsonNode n, String field, long otherwise) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    return v.isNumber() ? v.asLong() : parseLong(v.asText(), otherwise);
  }

  private static long parseLong(String s, long otherwise) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** lsblk writes booleans as JSON booleans (2.33+) or as "0"/"1" strings (older). */
  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    return v.isBoolean() ? v.booleanValue() : v.asText().equals("1") || v.asText().equalsIgnoreCase("true");
  }
}

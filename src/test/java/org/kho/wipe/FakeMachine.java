package org.kho.wipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A machine that exists only in a test: lsblk prints a fixture, findmnt answers from a table of
 * folder → device number, /sys/dev/block links those numbers to kernel names, and every other
 * command is recorded and answered from a table of canned outputs.
 */
final class FakeMachine implements CommandRunner {
  final Path sys;
  final List<List<String>> ran = new ArrayList<>();
  private final String lsblk;
  private final Map<String, String> mounts;
  private final Map<String, Result> answers;

  /**
   * @param sys an empty folder to play /sys
   * @param fixture the lsblk JSON resource
   * @param mounts folder → "MAJ:MIN kname" of the filesystem it is on
   * @param answers first words of a command ("hdparm -I") → what it prints
   */
  FakeMachine(Path sys, String fixture, Map<String, String> mounts, Map<String, Result> answers) throws IOException {
    this.sys = sys;
    try (InputStream in = FakeMachine.class.getResourceAsStream(fixture)) {
      this.lsblk = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    this.mounts = mounts;
    this.answers = answers;
    for (String v : mounts.values()) {
      String[] numberAndName = v.split(" ");
      Path dev = Files.createDirectories(sys.resolve("block").resolve(numberAndName[1]));
      Path link = sys.resolve("dev/block").resolve(numberAndName[0]);
      Files.createDirectories(link.getParent());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, dev);
      }
    }
  }

  Devices devices() {
    return new Devices(this, sys);
  }

  @Override
  public Result run(List<String> command) {
    ran.add(command);
    return switch (command.getFirst()) {
      case "lsblk" -> new Result(0, lsblk, "");
      case "findmnt" -> findmnt(command.getLast());
      default -> answers.entrySet().stream().filter(e -> String.join(" ", command).startsWith(e.getKey()))
          .map(Map.Entry::getValue).findFirst().orElse(new Result(-1, "", command.getFirst() + ": not installed"));
    };
  }

  private Result findmnt(String path) {
    String v = mounts.get(path);
    if (v == null) {
      return new Result(1, "", "");
    }
    return new Result(0, "{\"filesystems\": [{\"source\": \"/dev/" + v.split(" ")[1] + "\", \"maj:min\": \""
        + v.split(" ")[0] + "\"}]}", "");
  }
}

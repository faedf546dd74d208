package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LeanCommandLineTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);

  @Test
  void aCommandLineBuiltForOneSubcommandDescribesItExactlyAsTheWholeTreeDoes() {
    Map<String, CommandLine> whole = Main.commandLine(CLOCK).getSubcommands();
    int compared = 0;
    for (Map.Entry<String, CommandLine> top : whole.entrySet()) {
      if (top.getKey().equals("generate-completion")) {
        continue;
      }
      CommandLine lean = Main.commandLine(CLOCK, new String[] {top.getKey(), "--help"});
      assertThat(lean.getSubcommands()).as(top.getKey()).containsOnlyKeys(top.getKey());
      compared += sameUsage(top.getValue(), lean.getSubcommands().get(top.getKey()));
    }
    assertThat(compared).isGreaterThan(40);
  }

  @Test
  void onlyACommandLineNamingOneOfKhosSubcommandsGetsTheLeanTree() {
    assertThat(LeanCommandLine.subcommand(Main.class, new String[] {"snapshots", "--repo", "r"})).isEqualTo(SnapshotsCommand.class);
    assertThat(LeanCommandLine.subcommand(Main.class, new String[] {"-vv", "logs", "archive"})).isEqualTo(LogsCommand.class);
    assertThat(LeanCommandLine.subcommand(Main.class, new String[] {"--verbose", "check"})).isEqualTo(CheckCommand.class);
    for (String[] whole : new String[][] {{}, {"--help"}, {"-V"}, {"-v"}, {"snapshot"}, {"generate-completion"}, {"-h", "check"}}) {
      assertThat(LeanCommandLine.subcommand(Main.class, whole)).as(String.join(" ", whole)).isNull();
    }
  }

  /** Compares the usage of {@code a} and {@code b} and of their subcommands; returns how many commands. */
  private static int sameUsage(CommandLine a, CommandLine b) {
    assertThat(b.getUsageMessage(CommandLine.Help.Ansi.OFF)).isEqualTo(a.getUsageMessage(CommandLine.Help.Ansi.OFF));
    assertThat(b.getSubcommands().keySet()).isEqualTo(a.getSubcommands().keySet());
    int n = 1;
    for (String name : a.getSubcommands().keySet()) {
      n += sameUsage(a.getSubcommands().get(name), b.getSubcommands().get(name));
    }
    return n;
  }
}

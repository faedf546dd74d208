package org.kho.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kho.backup.BackupRequest;
import org.kho.command.Commands;
import org.kho.command.ExternalCommand;
import org.kho.command.Words;
import org.kho.core.KhoException;
import org.kho.repository.Repository;
import org.kho.restore.FileStreamer;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreResult;

/**
 * Commands typed on Kho's command line: one whose output is backed up
 * ({@code kho backup --stdin-from-command}), one fed a stored file ({@code kho restore --to-command}).
 * A line is split into words and run without a shell, unless a shell is asked for.
 */
public final class CommandStreams {
  private final Commands commands;

  /** Runs commands with {@code env} (Kho's environment; its KHO_* variables are not passed on). */
  public CommandStreams(Map<String, String> env) {
    this.commands = new Commands(env);
  }

  /** The command {@code line} stands for: its words, or {@code /bin/sh -c line} when {@code shell}. */
  public static ExternalCommand command(String line, boolean shell, Duration timeout, String option) {
    List<String> argv = shell ? List.of("/bin/sh", "-c", line) : Words.split(line, option);
    return new ExternalCommand(line, argv, Map.of(), Set.of(), timeout);
  }

  /** A backup source that runs {@code command} and stores its output as {@code /name}. */
  public BackupRequest.DataStream source(String name, ExternalCommand command) {
    return new BackupRequest.DataStream(name, () -> commands.output(command));
  }

  /**
   * Streams file {@code path} of {@code snapshot} into the stdin of {@code command} and checks how
   * the command ended. If the stored data turns out damaged part way, the command is stopped, not
   * handed a truncated input as if it were whole.
   */
  public RestoreResult restoreTo(Repository repo, String snapshot, String path, ExternalCommand command,
      RestoreProgress progress) {
    Commands.Input input = commands.input(command);
    RestoreResult result;
    try {
      result = new FileStreamer(repo).stream(snapshot, path, input, progress);
    } catch (RuntimeException e) {
      input.abort();
      throw e;
    }
    try {
      input.close();
    } catch (java.io.IOException e) {
      throw new KhoException("the command '" + command.display() + "' did not take all of " + path + ": "
          + e.getMessage(), "see the command's own messages", e);
    }
    return result;
  }
}

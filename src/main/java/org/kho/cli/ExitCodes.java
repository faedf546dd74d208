package org.kho.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kho.catalogue.InvalidConfigException;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.repository.RepositoryException;
import org.kho.storage.StorageFullException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/** Every exit code of {@code kho}, and the one mapping from exceptions to them. */
final class ExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int CONFIG_INVALID = 3;
  static final int INCOMPLETE = 4;
  static final int ATTENTION = 5;
  static final int AUDIT_BROKEN = 6;
  static final int NO_REPOSITORY = 10;
  static final int WRONG_KEY = 11;
  static final int LOCKED = 12;
  static final int TARGET_FULL = 13;
  static final int DAMAGED = 14;
  static final int DRILL_FAILED = 15;
  static final int REFUSED = 20;
  static final int INTERNAL = 70;
  static final int INTERRUPTED = 130;

  /** The list shown under "Exit codes" in every command's help. */
  static Map<String, String> described() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(Integer.toString(OK), "success");
    codes.put(Integer.toString(FAILED), "the action ran and failed (see the message)");
    codes.put(Integer.toString(USAGE), "wrong options or arguments");
    codes.put(Integer.toString(CONFIG_INVALID), "the config directory has errors");
    codes.put(Integer.toString(INCOMPLETE), "saved, but incomplete: files a backup could not read, evidence an export could not reach (listed)");
    codes.put(Integer.toString(ATTENTION), "kho status: an item is overdue or its last run failed (listed); "
        + "kho drill run: the drill passed but missed its RTO or RPO target; "
        + "kho drill coverage: an item no drill covers (listed); "
        + "kho report compliance: a rule was not met in the period (the report lists what to fix)");
    codes.put(Integer.toString(AUDIT_BROKEN), "kho audit verify: the audit log was changed, or entries removed (listed)");
    codes.put(Integer.toString(NO_REPOSITORY), "no repository where one was expected");
    codes.put(Integer.toString(WRONG_KEY), "wrong password or key");
    codes.put(Integer.toString(LOCKED), "the repository is locked by another run");
    codes.put(Integer.toString(TARGET_FULL), "the target is full");
    codes.put(Integer.toString(DAMAGED), "damaged or missing data was found (listed with what it affects)");
    codes.put(Integer.toString(DRILL_FAILED), "kho drill run: the drill failed (damaged files or a failed step, listed)");
    codes.put(Integer.toString(REFUSED), "refused: the wipe would be unsafe, or the drill's scratch folder is not "
        + "safe to use (each reason listed)");
    codes.put(Integer.toString(INTERNAL), "a bug in Kho: please report it with the output of -vv");
    codes.put(Integer.toString(INTERRUPTED), "interrupted (Ctrl-C)");
    return codes;
  }

  @Override
  public int getExitCode(Throwable t) {
    return switch (t) {
      case InvalidConfigException e -> CONFIG_INVALID;
      case UsageException e -> USAGE;
      case RepositoryException.NotFound e -> NO_REPOSITORY;
      case RepositoryException.WrongKey e -> WRONG_KEY;
      case RepositoryException.Locked e -> LOCKED;
      case RepositoryException.Damaged e -> DAMAGED;
      case StorageFullException e -> TARGET_FULL;
      case org.kho.wipe.WipeRefusedException e -> REFUSED;
      case org.kho.drill.ScratchRefusedException e -> REFUSED;
      case org.kho.wipe.WipeInterruptedException e -> INTERRUPTED;
      case CommandLine.ParameterException e -> USAGE;
      case KhoException e -> FAILED;
      case java.io.UncheckedIOException e -> FAILED;
      case java.io.IOException e -> FAILED;
      case InterruptedException e -> INTERRUPTED;
      default -> INTERNAL;
    };
  }

  /** Prints what failed and what to do, never a stack trace unless -vv asked for details. */
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    int code = getExitCode(e);
    switch (e) {
      case InvalidConfigException invalid -> ProblemsView.print(invalid.problems(), err, cmd.getColorScheme());
      case org.kho.wipe.WipeInterruptedException stopped -> {
        // printed by the wipe command itself, before the JVM's shutdown could cut it off
      }
      case KhoException k -> {
        err.println(cmd.getColorScheme().errorText("kho: " + k.getMessage()));
        if (!k.hint().isEmpty()) {
          err.println("  " + k.hint());
        }
      }
      default -> {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println(cmd.getColorScheme().errorText("kho: " + what));
        if (code == INTERNAL) {
          err.println("  this is a bug in Kho; run again with -vv for details and report it");
        }
      }
    }
    if (Verbosity.level() >= 2) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}

package org.kho.catalogue;

import java.util.List;
import org.kho.core.KhoException;

/** The config directory has errors; {@link #problems()} lists every one, with file, line and column. */
public final class InvalidConfigException extends KhoException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidConfigException(List<Problem> problems) {
    super(problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count()
        + " error(s) in the config directory", "run kho catalogue check --config DIR to see them all");
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

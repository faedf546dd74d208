package org.kho.wipe;

import java.util.List;
import java.util.stream.Collectors;
import org.kho.core.KhoException;

/** The wipe will not run: every reason, each with what to do. */
public final class WipeRefusedException extends KhoException {
  private static final long serialVersionUID = 1L;
  private final transient List<Refusal> refusals;

  public WipeRefusedException(String device, List<Refusal> refusals) {
    super("refusing to wipe " + device + ":\n" + refusals.stream().map(r -> "  - " + r.detail()).collect(Collectors.joining("\n")),
        refusals.stream().map(Refusal::hint).distinct().collect(Collectors.joining("\n  ")));
    this.refusals = List.copyOf(refusals);
  }

  public List<Refusal> refusals() {
    return refusals;
  }
}

package org.kho.drill;

import java.util.List;
import org.kho.core.KhoException;

/** The plan's scratch folder may not be used: each reason is listed; nothing was restored or deleted. */
public final class ScratchRefusedException extends KhoException {
  private static final long serialVersionUID = 1L;

  ScratchRefusedException(java.nio.file.Path scratch, List<String> reasons) {
    super("the drill's scratch folder " + scratch + " is refused: " + String.join("; ", reasons),
        "point scratch: in the drill plan at an empty folder of Kho's own (e.g. /var/tmp/kho-drill), away from every "
            + "source and target");
  }
}

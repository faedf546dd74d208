package org.kho.wipe;

import java.util.List;
import java.util.Optional;
import org.kho.wipe.WipeMethod.NistCategory;

/**
 * What a wipe would do, shown before anything is written (and all that is done without
 * {@code --confirm-serial} and {@code --yes}).
 *
 * @param device the device, as found
 * @param method the method
 * @param category the NIST category it reaches on this medium
 * @param passes the passes of an overwrite; empty for firmware
 * @param verify which passes are read back
 * @param commands for a firmware method, the commands it runs; empty for an overwrite
 * @param refusals every reason it will not run; empty when it may
 * @param resume the interrupted wipe it would resume, if any
 * @param notes warnings the certificate will repeat
 */
public record WipePlan(Device device, WipeMethod method, NistCategory category, List<Pass> passes, Verify verify,
    List<List<String>> commands, List<Refusal> refusals, Optional<Journal.State> resume, List<Note> notes) {

  public WipePlan {
    passes = List.copyOf(passes);
    commands = List.copyOf(commands);
    refusals = List.copyOf(refusals);
    notes = List.copyOf(notes);
  }

  /** Whether nothing stands in the way. */
  public boolean allowed() {
    return refusals.isEmpty();
  }

  /** Bytes written and read in all, for the ETA of an overwrite. */
  public long bytesToMove() {
    int n = passes.size();
    long verified = java.util.stream.IntStream.range(0, n).filter(i -> verify.covers(i, n)).count();
    return device.size() * (n + verified);
  }
}

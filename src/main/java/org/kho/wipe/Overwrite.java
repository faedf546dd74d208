package org.kho.wipe;

import java.util.List;

/**
 * The overwrite schemes Kho writes itself (NIST Clear). One pass of zeros or of random data is
 * what NIST SP 800-88 asks of a Clear; the multi-pass schemes are there because people still ask
 * for them by name.
 */
public enum Overwrite implements WipeMethod {
  ZERO("zero", "one pass of zeros", List.of(fill(0x00))),
  ONE("one", "one pass of 0xFF bytes", List.of(fill(0xFF))),
  RANDOM("random", "one pass of AES-256-CTR random data", List.of(new Pass.Random())),
  DOD_3PASS("dod-3pass", "DoD 5220.22-M (E), 3 passes: zeros, ones, random",
      List.of(fill(0x00), fill(0xFF), new Pass.Random())),
  DOD_7PASS("dod-7pass", "DoD 5220.22-M (ECE), 7 passes: zeros, ones, random, random, zeros, ones, random",
      List.of(fill(0x00), fill(0xFF), new Pass.Random(), new Pass.Random(), fill(0x00), fill(0xFF), new Pass.Random())),
  SCHNEIER("schneier", "Schneier, 7 passes: ones, zeros, five random",
      List.of(fill(0xFF), fill(0x00), new Pass.Random(), new Pass.Random(), new Pass.Random(), new Pass.Random(),
          new Pass.Random()));

  private final String label;
  private final String description;
  private final List<Pass> passes;

  Overwrite(String label, String description, List<Pass> passes) {
    this.label = label;
    this.description = description;
    this.passes = passes;
  }

  private static Pass fill(int value) {
    return new Pass.Fill(value);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String description() {
    return description;
  }

  /** The passes, in order. */
  public List<Pass> passes() {
    return passes;
  }

  /** An overwrite reaches every user-addressable block: Clear, whatever the medium. */
  @Override
  public NistCategory category(MediaType media) {
    return NistCategory.CLEAR;
  }
}

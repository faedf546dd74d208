package org.kho.wipe;

/** One pass over the whole device: a fixed byte, or an AES-CTR keystream Kho can regenerate. */
public sealed interface Pass {
  /** How the pass is written down in plans and certificates: {@code 0x00}, {@code random}. */
  String label();

  /** Every byte is {@code value}. */
  record Fill(int value) implements Pass {
    public Fill {
      if (value < 0 || value > 255) {
        throw new IllegalArgumentException("a fill byte is 0..255, not " + value);
      }
    }

    @Override
    public String label() {
      return String.format("0x%02X", value);
    }
  }

  /** A stream of AES-256-CTR keystream under a fresh key per pass (kept only to verify and resume). */
  record Random() implements Pass {
    @Override
    public String label() {
      return "random";
    }
  }
}

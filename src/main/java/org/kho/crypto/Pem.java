package org.kho.crypto;

import java.util.Base64;
import java.util.Optional;

/** The PEM armour of key files: a labelled block of base64. */
final class Pem {
  private Pem() {}

  static String write(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** The DER inside the first block labelled {@code label}, if there is one that decodes. */
  static Optional<byte[]> read(String text, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

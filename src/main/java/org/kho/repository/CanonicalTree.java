package org.kho.repository;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tree's JSON written in the one form {@link TreeCodec#encode} writes: no white space,
 * known fields only, no nulls, no escapes or control characters in strings, whole numbers without
 * leading zeros, instants as {@link IsoInstant} writes them. Any other JSON, valid or not, gives
 * null and is left to {@link TreeCodec}'s Jackson reader, so the result never differs from it.
 *
 * <p>Why: every restore, incremental backup and check reads thousands of trees. Jackson's parser
 * starts interpreted in each short run and, once hot, costs the C2 compiler a few hundred
 * milliseconds; this loop over bytes is small enough to be compiled early and cheaply.
 */
final class CanonicalTree {
  private static final byte[] START = "{\"nodes\":[".getBytes(StandardCharsets.US_ASCII);
  private static final String[] FIELDS = {"name", "type", "mode", "uid", "gid", "user", "group", "mtime", "ctime",
      "inode", "device", "links", "size", "content", "subtree", "linkTarget"};
  private static final byte[][] FIELD_BYTES = new byte[FIELDS.length][];
  private static final byte FAIL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte TIME = 4;
  private static final byte LIST = 5;

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      FIELD_BYTES[i] = FIELDS[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final byte[] in;
  private final int end;
  private int at;
  private boolean failed;
  private CharsetDecoder utf8;
  private final char[] chars = new char[IsoInstant.MAX_CHARS];

  private CanonicalTree(byte[] in, int off, int len) {
    this.in = in;
    this.at = off;
    this.end = off + len;
  }

  /** The tree in {@code json[off, off+len)}, or null when it is not in the canonical form. */
  static Tree decode(byte[] json, int off, int len) {
    return new CanonicalTree(json, off, len).tree();
  }

  private Tree tree() {
    if (!literal(START)) {
      return null;
    }
    List<Node> nodes = new ArrayList<>();
    if (peek() != ']') {
      do {
        Node n = node();
        if (n == null) {
          return null;
        }
        nodes.add(n);
      } while (take(','));
    }
    return take(']') && take('}') && at == end ? new Tree(nodes) : null;
  }

  /** What each field of {@link #FIELDS} holds. */
  private static final byte[] KIND = {STRING, STRING, INT, INT, INT, STRING, STRING, TIME, TIME, LONG, LONG, INT, LONG,
      LIST, STRING, STRING};

  /**
   * One node. Each kind of value is read at one call site, into the field's slot: with a call per
   * field, the C2 compiler inlined the readers into every one and took 0.35 s over this method.
   */
  private Node node() {
    if (!take('{')) {
      return null;
    }
    String[] strings = new String[FIELDS.length];
    long[] numbers = new long[FIELDS.length];
    Instant[] times = new Instant[FIELDS.length];
    List<String> content = null;
    if (peek() != '}') {
      do {
        int field = field();
        byte kind = field < 0 ? FAIL : KIND[field];
        if (kind == STRING) {
          strings[field] = string();
        } else if (kind == INT || kind == LONG) {
          numbers[field] = number();
          failed |= kind == INT && numbers[field] != (int) numbers[field];
        } else if (kind == TIME) {
          times[field] = instant();
        } else if (kind == LIST) {
          content = strings();
        } else {
          failed = true;
        }
      } while (!failed && take(','));
    }
    Node.Type type = type(strings[1]);
    return failed || !take('}') ? null
        : new Node(strings[0], type, (int) numbers[2], (int) numbers[3], (int) numbers[4], strings[5], strings[6],
            times[7], times[8], numbers[9], numbers[10], (int) numbers[11], numbers[12], content, strings[14],
            strings[15]);
  }

  /** The index in {@link #FIELDS} of the quoted name and colon at hand, or -1. */
  private int field() {
    if (!take('"')) {
      return -1;
    }
    int from = at;
    while (at < end && in[at] != '"') {
      at++;
    }
    int n = at - from;
    if (!take('"') || !take(':')) {
      return -1;
    }
    for (int i = 0; i < FIELD_BYTES.length; i++) {
      byte[] f = FIELD_BYTES[i];
      if (f.length == n && java.util.Arrays.equals(in, from, from + n, f, 0, n)) {
        return i;
      }
    }
    return -1;
  }

  /** A string without escapes or control characters; null (and failed) otherwise. */
  private String string() {
    if (!take('"')) {
      failed = true;
      return null;
    }
    int from = at;
    boolean ascii = true;
    while (at < end) {
      int b = in[at];
      if (b == '"') {
        break;
      }
      if (b == '\\' || (b >= 0 && b < 0x20)) {
        failed = true;
        return null;
      }
      ascii &= b >= 0;
      at++;
    }
    if (!take('"')) {
      failed = true;
      return null;
    }
    int n = at - 1 - from;
    return ascii ? new String(in, from, n, StandardCharsets.ISO_8859_1) : utf8(from, n);
  }

  /** Strict UTF-8, as Jackson reads it: malformed bytes fail the fast path. */
  private String utf8(int from, int n) {
    if (utf8 == null) {
      utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    try {
      CharBuffer out = utf8.reset().decode(ByteBuffer.wrap(in, from, n));
      return out.toString();
    } catch (CharacterCodingException e) {
      failed = true;
      return null;
    }
  }

  private List<String> strings() {
    if (!take('[')) {
      failed = true;
      return null;
    }
    List<String> out = new ArrayList<>();
    if (take(']')) {
      return out;
    }
    do {
      out.add(string());
    } while (!failed && take(','));
    if (!take(']')) {
      failed = true;
    }
    return out;
  }

  private Node.Type type(String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "FILE" -> Node.Type.FILE;
      case "DIR" -> Node.Type.DIR;
      case "SYMLINK" -> Node.Type.SYMLINK;
      case "FIFO" -> Node.Type.FIFO;
      case "OTHER" -> Node.Type.OTHER;
      default -> {
        failed = true;
        yield null;
      }
    };
  }

  /** A whole number in the range of a long, without leading zeros (no "-0"); anything else fails. */
  private long number() {
    boolean negative = take('-');
    int from = at;
    long v = 0;
    while (at < end && in[at] >= '0' && in[at] <= '9' && at - from < 19) {
      v = v * 10 + (in[at] - '0');
      at++;
    }
    int digits = at - from;
    int next = peek();
    if (digits == 0 || (next >= '0' && next <= '9') || next == '.' || next == 'e' || next == 'E'
        || (in[from] == '0' && (digits > 1 || negative))) {
      failed = true;
      return 0;
    }
    if (digits == 19) { // may overflow: the JDK's parser decides
      try {
        return Long.parseLong(new String(in, negative ? from - 1 : from, digits + (negative ? 1 : 0),
            StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        failed = true;
        return 0;
      }
    }
    return negative ? -v : v;
  }

  /**
   * An instant in quotes. The closing quote is found first and the characters then copied in a
   * counted loop: with one loop that both searched and copied, the C2 compiler's profiled loop
   * predicates failed on real trees, and the method was compiled three times in every restore.
   */
  private Instant instant() {
    if (!take('"')) {
      failed = true;
      return null;
    }
    int from = at;
    int limit = Math.min(end, from + chars.length + 1);
    int close = from;
    while (close < limit && in[close] != '"') {
      close++;
    }
    int n = close - from;
    if (close == limit || n > chars.length) {
      failed = true;
      return null;
    }
    for (int i = 0; i < n; i++) {
      chars[i] = (char) (in[from + i] & 0xff);
    }
    at = close + 1;
    Instant t = IsoInstant.parse(chars, 0, n);
    if (t == null) {
      failed = true;
    }
    return t;
  }

  private boolean literal(byte[] expected) {
    if (end - at < expected.length || !java.util.Arrays.equals(in, at, at + expected.length, expected, 0, expected.length)) {
      return false;
    }
    at += expected.length;
    return true;
  }

  private int peek() {
    return at < end ? in[at] : -1;
  }

  private boolean take(char c) {
    if (at < end && in[at] == c) {
      at++;
      return true;
    }
    return false;
  }
}

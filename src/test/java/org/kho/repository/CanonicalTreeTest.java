package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reader of trees: every tree the codec writes, the same result as Jackson, nothing else. */
class CanonicalTreeTest {
  @Test
  void readsEveryTreeTheCodecWritesUnlessAStringNeedsEscapes() throws IOException {
    Random random = new Random(44);
    int fast = 0;
    for (int i = 0; i < 500; i++) {
      Tree tree = TreeCodecTest.randomTree(random);
      byte[] json = TreeCodec.encode(tree);
      Tree read = CanonicalTree.decode(json, 0, json.length);
      String text = new String(json, StandardCharsets.UTF_8);
      boolean escaped = text.contains("\\");
      if (!escaped && read == null) {
        // a lone surrogate in a random name is written as bytes that are not UTF-8, and a year
        // outside 0000-9999 as Instant.toString() writes it: both Jackson's to read
        assertThat(text.contains("\ufffd") || text.matches(".*\"[mc]time\":\"[+-].*")).as(text).isTrue();
      } else if (!escaped) {
        assertThat(read).isEqualTo(tree);
        fast++;
      } else {
        assertThat(read).isNull();
      }
    }
    assertThat(fast).as("trees read on the fast path").isGreaterThan(25);
    Tree plain = new Tree(java.util.List.of(new Node("Báo cáo tài chính.pdf", Node.Type.FILE, 0644, 1000, 1000, "u",
        "g", java.time.Instant.parse("2026-11-21T05:00:00.5Z"), java.time.Instant.parse("2026-11-21T05:00:00Z"), 1, 2, 1,
        3, java.util.List.of("aa", "bb"), null, null)));
    byte[] json = TreeCodec.encode(plain);
    assertThat(CanonicalTree.decode(json, 0, json.length)).isEqualTo(plain);
    assertThat(CanonicalTree.decode(("x" + new String(json, StandardCharsets.UTF_8) + "y").getBytes(StandardCharsets.UTF_8), 1,
        json.length)).isEqualTo(plain);
  }

  @Test
  void leavesEveryOtherSpellingToJackson() {
    String[] others = {
        "{\"nodes\": []}", "{\"nodes\":[],\"x\":1}", "{\"nodes\":[{\"zzz\":1}]}", "{\"nodes\":[{\"uid\":null}]}",
        "{\"nodes\":[{\"size\":1.0}]}", "{\"nodes\":[{\"size\":1e3}]}", "{\"nodes\":[{\"size\":012}]}",
        "{\"nodes\":[{\"size\":-0}]}", "{\"nodes\":[{\"size\":\"12\"}]}", "{\"nodes\":[{\"uid\":2147483648}]}",
        "{\"nodes\":[{\"size\":9223372036854775808}]}", "{\"nodes\":[{\"size\":12345678901234567890}]}", "{\"nodes\":[{\"name\":\"a\\\"b\"}]}",
        "{\"nodes\":[{\"name\":\"a\tb\"}]}", "{\"nodes\":[{\"type\":\"file\"}]}",
        "{\"nodes\":[{\"mtime\":\"2026-01-02t03:04:05Z\"}]}", "{\"nodes\":[{\"mtime\":1700000000}]}",
        "{\"nodes\":[{\"content\":[1]}]}", "{\"nodes\":[{}],}", "{\"nodes\":[{},]}", "[]", ""};
    for (String json : others) {
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      assertThat(CanonicalTree.decode(b, 0, b.length)).as(json).isNull();
    }
    byte[] badUtf8 = {'{', '"', 'n', 'o', 'd', 'e', 's', '"', ':', '[', '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"',
        (byte) 0xc3, '"', '}', ']', '}'};
    assertThat(CanonicalTree.decode(badUtf8, 0, badUtf8.length)).isNull();
    byte[] empty = "{\"nodes\":[{}]}".getBytes(StandardCharsets.US_ASCII);
    assertThat(CanonicalTree.decode(empty, 0, empty.length)).isNotNull();
  }

  @Test
  void whateverItReadsJacksonReadsTheSameEvenFromDamagedBytes() throws IOException {
    Random random = new Random(45);
    int checked = 0;
    for (int i = 0; i < 6000; i++) {
      byte[] json = TreeCodec.encode(plain(TreeCodecTest.randomTree(random)));
      byte[] bad = json.clone();
      int cut = random.nextInt(4) == 0 ? random.nextInt(bad.length + 1) : bad.length;
      for (int flips = random.nextInt(3); flips >= 0 && bad.length > 0; flips--) {
        String alphabet = "0123456789-\"{}[],:.eE ax\\";
        bad[random.nextInt(bad.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      Tree fast = CanonicalTree.decode(bad, 0, cut);
      if (fast != null) {
        assertThat(fast).isEqualTo(TreeCodec.decodeAnyForm(bad, 0, cut));
        checked++;
      }
    }
    assertThat(checked).as("damaged trees the fast path still read").isGreaterThan(40);
  }

  /** The tree with every string made of letters and digits, so that it is in the canonical form. */
  private static Tree plain(Tree tree) {
    return new Tree(tree.nodes().stream().map(n -> new Node(safe(n.name()), n.type(), n.mode(), n.uid(), n.gid(),
        safe(n.user()), safe(n.group()), n.mtime(), n.ctime(), n.inode(), n.device(), n.links(), n.size(), n.content(),
        safe(n.subtree()), safe(n.linkTarget()))).toList());
  }

  private static String safe(String s) {
    return s == null ? null : s.replaceAll("[^A-Za-z0-9]", "x");
  }
}

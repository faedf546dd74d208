package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeCodecTest {
  private static final String NAME_CHARS = "abcXYZ09 ._-\"\\/\u00e9\u1ec7\u0001\n\t\u007f\ud83d\ude00";

  @Test
  void writesTheBytesDataBindingWrites() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      Tree tree = randomTree(random);
      assertThat(new String(TreeCodec.encode(tree), StandardCharsets.UTF_8))
          .isEqualTo(new String(Json.MAPPER.writeValueAsBytes(tree), StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsWhatDataBindingWrote() throws IOException {
    Random random = new Random(43);
    for (int i = 0; i < 200; i++) {
      Tree tree = randomTree(random);
      assertThat(TreeCodec.decode(Json.MAPPER.writeValueAsBytes(tree))).isEqualTo(tree);
    }
  }

  @Test
  void readsOtherSpellingsAsDataBindingDoes() throws IOException {
    String json = """
        {"future":{"x":[1,2]},"nodes":[{"zzz":[{"a":1}],"size":"12","name":"b","type":"FILE","mode":420,
        "mtime":"2026-01-02T03:04:05.5Z","ctime":"2026-01-02t03:04:05.1234z","uid":null,"gid":7,"inode":1,
        "device":2,"links":1,"content":["aa","bb"],"user":"u","group":"g"},
        {"name":"a","type":"DIR","mtime":1700000000.25,"ctime":"2026-06-30T23:59:60Z","subtree":"cc","linkTarget":null},
        {"name":"c","type":"SYMLINK","mtime":"+12026-01-02T03:04:05Z","ctime":"2026-01-02T03:04:05+07:00","linkTarget":"x"}]}
        """;
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(TreeCodec.decode(bytes)).isEqualTo(Json.MAPPER.readValue(bytes, Tree.class));
    assertThat(TreeCodec.decode(bytes).nodes()).extracting(Node::name).containsExactly("a", "b", "c");
  }

  @Test
  void somethingElseIsNotATree() {
    for (String bad : List.of("[]", "{}", "{\"nodes\":[{\"name\":\"a\",\"mtime\":\"yesterday\"}]}",
        "{\"nodes\":[{\"name\":\"a\",\"type\":\"PIPE\"}]}", "{\"nodes\":[{\"name\":\"a\"", "")) {
      assertThatThrownBy(() -> TreeCodec.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void instantsLookAsIsoInstantWritesThem() {
    Random random = new Random(44);
    char[] buf = new char[IsoInstant.MAX_CHARS];
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant t = randomInstant(random, min, max);
      int len = IsoInstant.format(t, buf);
      assertThat(new String(buf, 0, len)).isEqualTo(t.toString());
      assertThat(IsoInstant.parse(buf, 0, len)).isEqualTo(t);
    }
    assertThat(IsoInstant.format(Instant.ofEpochSecond(min - 1), buf)).isEqualTo(-1);
    assertThat(IsoInstant.format(Instant.ofEpochSecond(max + 1), buf)).isEqualTo(-1);
  }

  static Tree randomTree(Random random) {
    List<Node> nodes = new ArrayList<>();
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      nodes.add(randomNode(random, "n" + i + randomText(random)));
    }
    return new Tree(nodes);
  }

  private static Node randomNode(Random random, String name) {
    Node.Type type = Node.Type.values()[random.nextInt(Node.Type.values().length)];
    List<String> content = type != Node.Type.FILE ? null
        : random.ints(random.nextInt(4), 0, 1 << 30).mapToObj(Integer::toHexString).toList();
    return new Node(name, type, random.nextInt(07777), random.nextInt(), random.nextInt(), maybe(random),
        maybe(random), maybeInstant(random), maybeInstant(random), random.nextLong(), random.nextLong(),
        random.nextInt(), random.nextLong(), content, type == Node.Type.DIR ? randomText(random) : null,
        type == Node.Type.SYMLINK ? randomText(random) : null);
  }

  private static String maybe(Random random) {
    return random.nextInt(5) == 0 ? null : randomText(random);
  }

  private static Instant maybeInstant(Random random) {
    return random.nextInt(8) == 0 ? null : randomInstant(random, -80_000_000_000L, 300_000_000_000L);
  }

  private static Instant randomInstant(Random random, long min, long max) {
    long seconds = random.nextLong(min, max + 1);
    int nano = switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1_000;
      default -> random.nextInt(1_000_000_000);
    };
    return Instant.ofEpochSecond(seconds, nano);
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder();
    int len = random.nextInt(10);
    for (int i = 0; i < len; i++) {
      b.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
    }
    return b.toString();
  }
}

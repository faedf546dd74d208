package org.kho.repository;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a TREE blob (FORMAT.md, "Trees"), written and read field by field on Jackson's
 * streaming API. It writes exactly the bytes Jackson's data binding writes for a {@link Tree}
 * (record component order, absent values left out, ISO-8601 instants), so an unchanged folder still
 * serialises to the tree blob stored before and deduplicates; it reads whatever that data binding
 * reads. What it saves over data binding is the per-node reflection and the general
 * {@code DateTimeFormatter} on every mtime and ctime: an incremental backup reads the parent's tree
 * of every folder and writes the trees of the changed ones.
 */
final class TreeCodec {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private TreeCodec() {}

  static byte[] encode(Tree tree) throws IOException {
    ByteArrayBuilder out = new ByteArrayBuilder(Math.min(1 << 20, 320 * tree.nodes().size() + 16));
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      char[] time = new char[IsoInstant.MAX_CHARS];
      g.writeStartObject();
      g.writeArrayFieldStart("nodes");
      for (Node n : tree.nodes()) {
        write(g, n, time);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Node n, char[] time) throws IOException {
    g.writeStartObject();
    string(g, "name", n.name());
    string(g, "type", n.type() == null ? null : n.type().name());
    g.writeNumberField("mode", n.mode());
    g.writeNumberField("uid", n.uid());
    g.writeNumberField("gid", n.gid());
    string(g, "user", n.user());
    string(g, "group", n.group());
    instant(g, "mtime", n.mtime(), time);
    instant(g, "ctime", n.ctime(), time);
    g.writeNumberField("inode", n.inode());
    g.writeNumberField("device", n.device());
    g.writeNumberField("links", n.links());
    g.writeNumberField("size", n.size());
    if (n.content() != null) {
      g.writeArrayFieldStart("content");
      for (String id : n.content()) {
        g.writeString(id);
      }
      g.writeEndArray();
    }
    string(g, "subtree", n.subtree());
    string(g, "linkTarget", n.linkTarget());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void instant(JsonGenerator g, String field, Instant value, char[] buf) throws IOException {
    if (value != null) {
      g.writeFieldName(field);
      int len = IsoInstant.format(value, buf);
      if (len < 0) {
        g.writeString(value.toString());
      } else {
        g.writeString(buf, 0, len);
      }
    }
  }

  /** The tree in {@code json}; throws {@link IOException} when it is not a tree's JSON. */
  static Tree decode(byte[] json) throws IOException {
    return decode(json, 0, json.length);
  }

  /** The tree in {@code json[off, off+len)}: {@link CanonicalTree} for the form written here, else Jackson. */
  static Tree decode(byte[] json, int off, int len) throws IOException {
    Tree canonical = CanonicalTree.decode(json, off, len);
    return canonical != null ? canonical : decodeAnyForm(json, off, len);
  }

  /** The tree in {@code json[off, off+len)} in any form Jackson's data binding reads. */
  static Tree decodeAnyForm(byte[] json, int off, int len) throws IOException {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json, off, len)) {
      p.setCodec(Json.MAPPER);
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      List<Node> nodes = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("nodes") && value == JsonToken.START_ARRAY) {
          nodes = new ArrayList<>();
          while (p.nextToken() == JsonToken.START_OBJECT) {
            nodes.add(node(p));
          }
          expect(p, p.currentToken(), JsonToken.END_ARRAY);
        } else {
          p.skipChildren();
        }
      }
      if (nodes == null) {
        throw new IOException("a tree has a 'nodes' array; this one has none");
      }
      return new Tree(nodes);
    }
  }

  /** Field slots of a node: ints, then longs, then strings, then instants, then the rest. */
  private static final int MODE = 0;
  private static final int UID = 1;
  private static final int GID = 2;
  private static final int LINKS = 3;
  private static final int INODE = 4;
  private static final int DEVICE = 5;
  private static final int SIZE = 6;
  private static final int NAME = 7;
  private static final int USER = 8;
  private static final int GROUP = 9;
  private static final int SUBTREE = 10;
  private static final int LINK_TARGET = 11;
  private static final int MTIME = 12;
  private static final int CTIME = 13;
  private static final int TYPE = 14;
  private static final int CONTENT = 15;

  /**
   * One node, from its START_OBJECT to its END_OBJECT; unknown fields are skipped, as data binding
   * does. Each kind of value is read at one call site, into a slot: written field by field, with
   * fourteen call sites, the method took the C2 compiler 0.7 s of a restore's CPU time (it inlined
   * Jackson's number and string parsing into every one), longer than the parsing it sped up.
   */
  private static Node node(JsonParser p) throws IOException {
    long[] numbers = new long[SIZE + 1];
    String[] strings = new String[LINK_TARGET + 1];
    Instant[] instants = new Instant[2];
    Node.Type type = null;
    List<String> content = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int slot = slot(p.currentName());
      p.nextToken();
      if (slot < 0) {
        p.skipChildren();
      } else if (slot <= LINKS) {
        numbers[slot] = intValue(p);
      } else if (slot <= SIZE) {
        numbers[slot] = longValue(p);
      } else if (slot <= LINK_TARGET) {
        strings[slot] = text(p);
      } else if (slot <= CTIME) {
        instants[slot - MTIME] = instant(p);
      } else if (slot == TYPE) {
        type = type(p);
      } else {
        content = strings(p);
      }
    }
    expect(p, p.currentToken(), JsonToken.END_OBJECT);
    return new Node(strings[NAME], type, (int) numbers[MODE], (int) numbers[UID], (int) numbers[GID], strings[USER],
        strings[GROUP], instants[0], instants[1], numbers[INODE], numbers[DEVICE], (int) numbers[LINKS],
        numbers[SIZE], content, strings[SUBTREE], strings[LINK_TARGET]);
  }

  /** The slot of a node's field, or -1 for a field a node does not have. */
  private static int slot(String field) {
    return switch (field) {
      case "name" -> NAME;
      case "type" -> TYPE;
      case "mode" -> MODE;
      case "uid" -> UID;
      case "gid" -> GID;
      case "user" -> USER;
      case "group" -> GROUP;
      case "mtime" -> MTIME;
      case "ctime" -> CTIME;
      case "inode" -> INODE;
      case "device" -> DEVICE;
      case "links" -> LINKS;
      case "size" -> SIZE;
      case "content" -> CONTENT;
      case "subtree" -> SUBTREE;
      case "linkTarget" -> LINK_TARGET;
      default -> -1;
    };
  }

  private static String text(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : p.readValueAs(String.class);
  }

  private static Node.Type type(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      switch (p.getText()) {
        case "FILE" -> { return Node.Type.FILE; }
        case "DIR" -> { return Node.Type.DIR; }
        case "SYMLINK" -> { return Node.Type.SYMLINK; }
        case "FIFO" -> { return Node.Type.FIFO; }
        case "OTHER" -> { return Node.Type.OTHER; }
        default -> { }
      }
    }
    return p.readValueAs(Node.Type.class);
  }

  /** A number as data binding reads it into an {@code int}: a JSON null is 0, a number in a string is read. */
  private static int intValue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    Integer v = p.readValueAs(Integer.class);
    return v == null ? 0 : v;
  }

  private static long longValue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    Long v = p.readValueAs(Long.class);
    return v == null ? 0 : v;
  }

  private static Instant instant(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      Instant fast = IsoInstant.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (fast != null) {
        return fast;
      }
    }
    return p.readValueAs(Instant.class);
  }

  private static List<String> strings(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return p.readValueAs(STRINGS);
    }
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(text(p));
    }
    return out;
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but found " + actual + " at " + p.currentLocation());
    }
  }
}

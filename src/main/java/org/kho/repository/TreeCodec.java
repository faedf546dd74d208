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

  /** The tree in {@code json[off, off+len)}. */
  static Tree decode(byte[] json, int off, int len) throws IOException {
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

  /** One node, from its START_OBJECT to its END_OBJECT; unknown fields are skipped, as data binding does. */
  private static Node node(JsonParser p) throws IOException {
    String name = null;
    Node.Type type = null;
    int mode = 0;
    int uid = 0;
    int gid = 0;
    String user = null;
    String group = null;
    Instant mtime = null;
    Instant ctime = null;
    long inode = 0;
    long device = 0;
    int links = 0;
    long size = 0;
    List<String> content = null;
    String subtree = null;
    String linkTarget = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "name" -> name = text(p);
        case "type" -> type = type(p);
        case "mode" -> mode = intValue(p);
        case "uid" -> uid = intValue(p);
        case "gid" -> gid = intValue(p);
        case "user" -> user = text(p);
        case "group" -> group = text(p);
        case "mtime" -> mtime = instant(p);
        case "ctime" -> ctime = instant(p);
        case "inode" -> inode = longValue(p);
        case "device" -> device = longValue(p);
        case "links" -> links = intValue(p);
        case "size" -> size = longValue(p);
        case "content" -> content = strings(p);
        case "subtree" -> subtree = text(p);
        case "linkTarget" -> linkTarget = text(p);
        default -> p.skipChildren();
      }
    }
    expect(p, p.currentToken(), JsonToken.END_OBJECT);
    return new Node(name, type, mode, uid, gid, user, group, mtime, ctime, inode, device, links, size, content,
        subtree, linkTarget);
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

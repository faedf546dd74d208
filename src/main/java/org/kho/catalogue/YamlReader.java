package org.kho.catalogue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one YAML file into a spec record with Jackson in two passes: the first records where
 * every key and value stands (and finds syntax errors and duplicate keys), the second binds the
 * record while {@link CollectingProblemHandler} turns every binding problem into a
 * {@link Problem} instead of stopping at the first.
 */
final class YamlReader {
  private final ObjectMapper mapper = YAMLMapper.builder(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
      .build();

  /** The bound value (null when the file could not be read or bound at all) and its source map. */
  record Parsed<T>(T value, SourceMap where) {}

  <T> Parsed<T> read(Path file, Class<T> type, Problems problems) {
    try {
      return read(file, Files.readAllBytes(file), type, problems);
    } catch (IOException e) {
      problems.fileError(file, 0, 0, "cannot read the file (" + e.getClass().getSimpleName() + ")",
          "check that it exists and that Kho's user may read it");
      return new Parsed<>(null, new SourceMap(file));
    }
  }

  /** Reads {@code bytes}, reporting problems against {@code file}. */
  <T> Parsed<T> read(Path file, byte[] bytes, Class<T> type, Problems problems) {
    SourceMap where = new SourceMap(file);
    if (!mapPositions(bytes, lines(bytes), where, problems)) {
      return new Parsed<>(null, where);
    }
    if (!where.has("")) {
      problems.fileError(file, 0, 0, "the file is empty", "see the examples that `kho init` writes");
      return new Parsed<>(null, where);
    }
    ObjectReader reader = mapper.readerFor(type).withHandler(new CollectingProblemHandler(where, problems));
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      return new Parsed<>(reader.readValue(in), where);
    } catch (JsonProcessingException e) {
      SourceMap.Position at = position(e.getLocation());
      problems.fileError(file, at.line(), at.column(), CollectingProblemHandler.plain(e), "");
      return new Parsed<>(null, where);
    } catch (IOException e) {
      problems.fileError(file, 0, 0, "cannot read the file: " + e.getMessage(), "");
      return new Parsed<>(null, where);
    }
  }

  /** Pass one: positions of every key and value; false on a syntax error (already reported). */
  private boolean mapPositions(byte[] bytes, String[] lines, SourceMap where, Problems problems) {
    try (JsonParser p = mapper.getFactory().createParser(bytes)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        String pointer = CollectingProblemHandler.pointerOf(p);
        SourceMap.Position at = position(p.currentTokenLocation());
        if (t == JsonToken.FIELD_NAME) {
          where.key(pointer, at);
        } else if (!t.isStructEnd()) {
          where.value(pointer, at);
          if (t == JsonToken.VALUE_NULL) {
            where.nullValue(pointer);
          }
          boolean empty = t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getText().isEmpty());
          if (empty && p.getParsingContext().inArray()) {
            where.value(pointer, loneDash(lines, at)); // an empty entry: point at its '-'
          }
        }
      }
      return true;
    } catch (JsonProcessingException e) {
      SyntaxErrors.Described d = SyntaxErrors.describe(e, lines);
      problems.fileError(where.file(), d.at().line(), d.at().column(), d.message(), d.hint());
      return false;
    } catch (IOException e) {
      problems.fileError(where.file(), 0, 0, "cannot read the file: " + e.getMessage(), "");
      return false;
    }
  }

  /** The position of the '-' just before {@code at}, when an empty list entry stands there. */
  private static SourceMap.Position loneDash(String[] lines, SourceMap.Position at) {
    if (at.line() < 1 || at.line() > lines.length) {
      return at;
    }
    String line = lines[at.line() - 1];
    int dash = line.lastIndexOf('-', Math.min(at.column() - 1, line.length() - 1));
    return dash >= 0 && line.substring(0, dash).isBlank() ? new SourceMap.Position(at.line(), dash + 1) : at;
  }

  /** The file's lines, for positions that need the text around a token. */
  private static String[] lines(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
  }

  static SourceMap.Position position(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return SourceMap.Position.WHOLE_FILE;
    }
    return new SourceMap.Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}

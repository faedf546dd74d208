package org.kho.logarchive;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.LogSource;
import org.kho.core.KhoException;

/**
 * The log files of a source as found now, each with the months of its bytes, and notes on files
 * whose month could not be found the way the source says (or that could not be read).
 */
public record Collection(List<LogFile> files, List<String> notes) {
  public Collection {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /** Finds and reads the source's files; months are those of {@code zone}. */
  static Collection of(LogSource source, ZoneId zone) {
    List<Path> paths;
    try {
      paths = LogFiles.find(FileSystems.getDefault(), source.paths(), source.exclude());
    } catch (IOException e) {
      throw new KhoException("cannot list the log files of '" + source.id() + "': " + e.getMessage(),
          "check that the folders in its paths exist and that Kho may read them", e);
    }
    MonthFinder finder = new MonthFinder(source.month(), zone);
    List<LogFile> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path p : paths) {
      try {
        LogFile f = finder.read(p);
        files.add(f);
        if (f.note() != null) {
          notes.add(p + ": " + f.note());
        }
      } catch (IOException e) {
        notes.add(p + ": could not be read (" + e.getClass().getSimpleName() + "); left out");
      }
    }
    return new Collection(files, notes);
  }

  /** The earliest month any file has bytes in. */
  Optional<YearMonth> earliest() {
    return files.stream().flatMap(f -> f.months().stream()).min(YearMonth::compareTo);
  }
}

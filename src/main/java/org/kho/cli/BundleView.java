package org.kho.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kho.core.KhoException;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.BundleReport;
import org.kho.evidence.BundleVerifier;

/** {@code kho evidence verify BUNDLE}: runs the bundle verifier and renders what it found. */
final class BundleView {
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;

  BundleView(PrintWriter out, PrintWriter err, boolean json) {
    this.out = out;
    this.err = err;
    this.json = json;
  }

  /** Whether {@code file} is a zip file, as a bundle is. */
  static boolean isBundle(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  int verify(Path bundle, Optional<VerifyingKey> key) {
    BundleReport report;
    try (InputStream in = Files.newInputStream(bundle)) {
      report = BundleVerifier.verify(bundle.toString(), in, key);
    } catch (IOException e) {
      throw new KhoException("cannot read " + bundle + ": " + e.getMessage(), "check the path and its permissions", e);
    }
    if (report.keyFromBundle() && report.key() != null) {
      err.println(warning(report));
    }
    if (json) {
      out.println(Json.write(view(report)));
    } else {
      print(report);
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static String warning(BundleReport report) {
    return "WARNING: checked only with the public key inside the bundle (" + report.key() + "). A forger would ship "
        + "their own key: compare this fingerprint with the agency's, or pass --key signing.pub.";
  }

  private static Map<String, Object> view(BundleReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ok", report.ok());
    view.put("bundle", report.bundle());
    view.put("period", report.period());
    view.put("key", report.key());
    view.put("keyFromBundle", report.keyFromBundle());
    view.put("verified", report.verified());
    view.put("failures", report.failures());
    view.put("gaps", report.gaps());
    return view;
  }

  private void print(BundleReport report) {
    out.println("Evidence bundle " + report.bundle() + (report.period() == null ? "" : ", period " + report.period())
        + (report.key() == null ? ", not checked: no public key given and none in the bundle"
            : ", checked with key " + report.key() + (report.keyFromBundle() ? " (the bundle's own key: see the warning)" : "")));
    if (!report.verified().isEmpty()) {
      Table table = new Table("KIND", "VERIFIED");
      report.verified().forEach((kind, n) -> table.row(kind, Integer.toString(n)));
      table.print(out, "  ");
    }
    if (!report.failures().isEmpty()) {
      out.println();
      out.println("Failed");
      report.failures().forEach(f -> out.println("  " + f.member() + " (" + f.kind() + "): " + f.problem() + " — "
          + f.detail()));
    }
    if (!report.gaps().isEmpty()) {
      out.println();
      out.println("Not in the bundle, as its signed manifest says");
      report.gaps().forEach(g -> out.println("  " + g));
    }
    out.println();
    if (report.keyFromBundle() && report.key() != null) {
      out.println(warning(report));
    }
    out.println((report.ok() ? "OK: " : "NOT OK: ") + report.verified().values().stream().mapToInt(Integer::intValue).sum()
        + " members verified, " + report.failures().size() + " failed");
  }
}

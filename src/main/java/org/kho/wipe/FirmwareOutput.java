package org.kho.wipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.kho.core.KhoException;

/** Reads what hdparm and nvme-cli print about erase capabilities and sanitize progress. */
final class FirmwareOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern FROZEN = Pattern.compile("(?m)^\\s+frozen\\s*$");

  private FirmwareOutput() {}

  /** The erase features {@code hdparm -I} lists. */
  record Ata(boolean cryptoScramble, boolean blockErase, boolean overwrite, boolean securityEnhanced, boolean frozen) {}

  /** Where a sanitize stands. */
  enum SanitizeState { RUNNING, DONE, FAILED }

  static Ata ata(String hdparmI) {
    boolean sanitize = hdparmI.contains("SANITIZE feature set");
    return new Ata(sanitize && hdparmI.contains("CRYPTO_SCRAMBLE_EXT"), sanitize && hdparmI.contains("BLOCK_ERASE_EXT"),
        sanitize && hdparmI.contains("OVERWRITE_EXT"), hdparmI.contains("supported: enhanced erase"),
        FROZEN.matcher(hdparmI).find());
  }

  /** {@code hdparm --sanitize-status}: "In Process" while it runs. */
  static SanitizeState ataSanitize(String out) {
    if (out.contains("In Process")) {
      return SanitizeState.RUNNING;
    }
    return out.toLowerCase(java.util.Locale.ROOT).contains("fail") ? SanitizeState.FAILED : SanitizeState.DONE;
  }

  /** {@code nvme sanitize-log -o json}: the low three bits of SSTAT (1 done, 2 running, 3 failed, 4 done). */
  static SanitizeState nvmeSanitize(String json) {
    JsonNode sstat = json(json).findValue("sstat");
    int state = sstat == null ? 0 : (int) (sstat.isObject() ? sstat.path("status").asLong(0) : sstat.asLong(0)) & 7;
    return switch (state) {
      case 2 -> SanitizeState.RUNNING;
      case 3 -> SanitizeState.FAILED;
      default -> SanitizeState.DONE;
    };
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new KhoException("cannot read the output of nvme-cli (not JSON)", "check that nvme-cli works: nvme list");
    }
  }
}

package org.kho.wipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.wipe.WipeCertificate.Verification;

class ImageWipeTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  static final Safety.Context NOTHING = new Safety.Context(List.of(), Map.of(), Map.of());
  static final Wiper.Origin ORIGIN = new Wiper.Origin("test-host", "kho test");

  @TempDir
  Path tmp;

  /** An image of {@code size} bytes of pseudo-random "secrets". */
  Path image(String name, long size) throws IOException {
    Path p = tmp.resolve(name);
    byte[] data = new byte[(int) size];
    new Random(7).nextBytes(data);
    Files.write(p, data);
    return p;
  }

  Wiper wiper() {
    return new Wiper(new FirmwareEraser(c -> new CommandRunner.Result(-1, "", "none"), tmp, java.time.Duration.ZERO),
        new Journal(tmp.resolve("journal")), CLOCK);
  }

  static WipeRequest confirmed(Path image, WipeMethod m, Verify v) {
    return new WipeRequest(image.toString(), m, v, image.getFileName().toString(), true, false, "PC-0042", "Lan", "Minh");
  }

  WipeCertificate wipe(Path image, WipeMethod m, Verify v, WipeProgress progress, java.util.function.BooleanSupplier stop) {
    Device d = Devices.system().find(image.toString());
    WipeRequest r = confirmed(image, m, v);
    return wiper().run(wiper().plan(d, r, NOTHING), r, ORIGIN, progress, stop);
  }

  static void assertEveryByte(Path p, int value) throws IOException {
    byte[] all = Files.readAllBytes(p);
    for (int i = 0; i < all.length; i++) {
      if (all[i] != (byte) value) {
        throw new AssertionError("byte " + i + " is " + all[i] + ", not " + value);
      }
    }
  }

  @Test
  void zeroPassLeavesOnlyZerosAndVerifies() throws IOException {
    // a size that is not a multiple of 4 KiB: the tail goes through the ordinary channel
    Path img = image("disk.img", 9 * 1024 * 1024 + 1234);
    WipeCertificate c = wipe(img, Overwrite.ZERO, Verify.LAST, WipeProgress.NONE, () -> false);
    assertEveryByte(img, 0);
    assertThat(c.outcome()).isEqualTo(WipeCertificate.Outcome.ERASED);
    assertThat(c.verification().result()).isEqualTo(Verification.Result.PASSED);
    assertThat(c.verification().bytesRead()).isEqualTo(Files.size(img));
    assertThat(c.device().serial()).isEqualTo("disk.img");
    assertThat(c.device().media()).isEqualTo(MediaType.IMAGE);
    assertThat(c.passesCompleted()).isEqualTo(1);
    assertThat(c.category()).isEqualTo(WipeMethod.NistCategory.CLEAR);
    assertThat(c.assetTag()).isEqualTo("PC-0042");
  }

  @Test
  void multiPassEndsWithItsLastPatternAndVerifiesEveryPass() throws IOException {
    Path img = image("dod.img", 5 * 1024 * 1024);
    WipeCertificate c = wipe(img, Overwrite.DOD_3PASS, Verify.ALL, WipeProgress.NONE, () -> false);
    assertThat(c.passes()).containsExactly("0x00", "0xFF", "random");
    assertThat(c.verification().bytesRead()).isEqualTo(3 * Files.size(img));
    assertThat(c.verification().result()).isEqualTo(Verification.Result.PASSED);
    Path one = image("one.img", 3 * 4096 + 7);
    wipe(one, Overwrite.ONE, Verify.NONE, WipeProgress.NONE, () -> false);
    assertEveryByte(one, 0xFF);
  }

  @Test
  void randomPassIsTheRegeneratedKeystreamAndNotTheOldData() throws IOException {
    Path img = image("rnd.img", 6 * 1024 * 1024 + 512);
    byte[] before = Files.readAllBytes(img);
    Journal journal = new Journal(tmp.resolve("journal"));
    SeedCapture seed = new SeedCapture(journal, img.toRealPath().toString(), before.length);
    WipeCertificate c = wipe(img, Overwrite.RANDOM, Verify.LAST, seed, () -> false);
    assertThat(c.verification().result()).isEqualTo(Verification.Result.PASSED);
    assertThat(Files.readAllBytes(img)).isEqualTo(seed.keystream(before.length)).isNotEqualTo(before);
    assertThat(journal.find(img.toRealPath().toString(), before.length)).as("the record goes when the wipe ends").isEmpty();
  }

  @Test
  void keystreamAtAnOffsetContinuesTheStream() {
    byte[] seed = Keystream.newSeed();
    ByteBuffer whole = ByteBuffer.allocate(8192);
    new Keystream(seed).fill(whole, 0);
    ByteBuffer part = ByteBuffer.allocate(4096);
    new Keystream(seed).fill(part, 4096);
    assertThat(part.array()).isEqualTo(java.util.Arrays.copyOfRange(whole.array(), 4096, 8192));
  }

  @Test
  void anInterruptedWipeLeavesARecordAndResumesToTheEnd() throws IOException {
    Path img = image("stop.img", 12 * 1024 * 1024);
    AtomicLong written = new AtomicLong();
    WipeProgress count = new WipeProgress() {
      @Override
      public void advanced(long bytes) {
        written.addAndGet(bytes);
      }
    };
    assertThatThrownBy(() -> wipe(img, Overwrite.DOD_3PASS, Verify.LAST, count, () -> written.get() >= 16 * 1024 * 1024))
        .isInstanceOf(WipeInterruptedException.class).hasMessageContaining("interrupted in pass 2");
    Journal.State saved = new Journal(tmp.resolve("journal")).find(img.toRealPath().toString(), Files.size(img)).orElseThrow();
    assertThat(saved.pass()).isEqualTo(1);
    assertThat(saved.offset()).isEqualTo(Overwriter.CHUNK);

    Device d = Devices.system().find(img.toString());
    WipePlan plan = wiper().plan(d, confirmed(img, Overwrite.DOD_3PASS, Verify.LAST), NOTHING);
    assertThat(plan.resume()).isPresent();
    WipeCertificate c = wiper().run(plan, confirmed(img, Overwrite.DOD_3PASS, Verify.LAST), ORIGIN, WipeProgress.NONE,
        () -> false);
    assertThat(c.interruptions()).isEqualTo(1);
    assertThat(c.passesCompleted()).isEqualTo(3);
    assertThat(c.verification().result()).isEqualTo(Verification.Result.PASSED);
    assertThat(c.verification().bytesRead()).isEqualTo(Files.size(img));
  }

  @Test
  void resumingWithAnotherMethodIsRefusedUntilRestart() throws IOException {
    Path img = image("other.img", 8 * 1024 * 1024);
    assertThatThrownBy(() -> wipe(img, Overwrite.DOD_3PASS, Verify.NONE, WipeProgress.NONE, () -> true))
        .isInstanceOf(WipeInterruptedException.class);
    Device d = Devices.system().find(img.toString());
    assertThat(wiper().plan(d, confirmed(img, Overwrite.ZERO, Verify.LAST), NOTHING).refusals())
        .extracting(Refusal::reason).containsExactly(Refusal.Reason.METHOD_UNSUPPORTED);
    WipeRequest restart = new WipeRequest(img.toString(), Overwrite.ZERO, Verify.LAST, "other.img", true, true, null, "Lan", null);
    assertThat(wiper().plan(d, restart, NOTHING).allowed()).isTrue();
  }

  @Test
  void aSerialThatDoesNotMatchIsRefusedAndNothingIsWritten() throws IOException {
    Path img = image("right.img", 1024 * 1024);
    byte[] before = Files.readAllBytes(img);
    Device d = Devices.system().find(img.toString());
    WipeRequest wrong = new WipeRequest(img.toString(), Overwrite.ZERO, Verify.LAST, "wrong.img", true, false, null, "Lan", null);
    WipePlan plan = wiper().plan(d, wrong, NOTHING);
    assertThat(plan.refusals()).extracting(Refusal::reason).containsExactly(Refusal.Reason.SERIAL_MISMATCH);
    assertThat(plan.refusals().getFirst().detail()).contains("'wrong.img'", "'right.img'");
    assertThatThrownBy(() -> wiper().run(plan, wrong, ORIGIN, WipeProgress.NONE, () -> false))
        .isInstanceOf(WipeRefusedException.class).hasMessageContaining("is not the serial of");
    assertThat(Files.readAllBytes(img)).isEqualTo(before);
  }

  @Test
  void withoutYesOnlyThePlanIsMade() throws IOException {
    Path img = image("plan.img", 1024 * 1024);
    byte[] before = Files.readAllBytes(img);
    Device d = Devices.system().find(img.toString());
    WipeRequest noYes = new WipeRequest(img.toString(), Overwrite.ZERO, Verify.LAST, "plan.img", false, false, null, "Lan", null);
    WipePlan plan = wiper().plan(d, noYes, NOTHING);
    assertThat(plan.allowed()).isTrue();
    assertThatThrownBy(() -> wiper().run(plan, noYes, ORIGIN, WipeProgress.NONE, () -> false))
        .hasMessageContaining("not confirmed");
    assertThat(Files.readAllBytes(img)).isEqualTo(before);
  }

  @Test
  void anImageAttachedToALoopDeviceIsRefused() throws IOException {
    Path img = image("attached.img", 4096);
    Device d = Devices.system().find(img.toString());
    Safety.Context attached = new Safety.Context(List.of(), Map.of(), Map.of(d.path(), "/dev/loop7"));
    assertThat(Safety.check(d, attached)).extracting(Refusal::reason).containsExactly(Refusal.Reason.IMAGE_ATTACHED);
  }
}

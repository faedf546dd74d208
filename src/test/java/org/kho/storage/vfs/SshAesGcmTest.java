package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.Cipher;
import com.jcraft.jsch.jce.AES128GCM;
import com.jcraft.jsch.jce.AES256GCM;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Packets as JSch's own AES-GCM classes seal and open them, packet after packet. */
class SshAesGcmTest {
  @Test
  void sealsTheSamePacketsAsJschsOwnAes128Gcm() throws Exception {
    packetsMatch(SshAesGcm.Aes128::new, AES128GCM::new);
  }

  @Test
  void sealsTheSamePacketsAsJschsOwnAes256Gcm() throws Exception {
    packetsMatch(SshAesGcm.Aes256::new, AES256GCM::new);
  }

  @Test
  void aChangedPacketOrLengthIsRefused() throws Exception {
    Random random = new Random(3);
    byte[] key = bytes(random, 32);
    byte[] iv = bytes(random, 16);
    Cipher seal = init(new SshAesGcm.Aes128(), Cipher.ENCRYPT_MODE, key, iv);
    byte[] packet = packet(random, 1000);
    seal.updateAAD(packet, 0, 4);
    seal.doFinal(packet, 4, 1000, packet, 4);
    for (int at : new int[] {2, 4, 500, 4 + 1000 + 15}) {
      byte[] bad = packet.clone();
      bad[at] ^= 1;
      Cipher open = init(new SshAesGcm.Aes128(), Cipher.DECRYPT_MODE, key, iv);
      open.updateAAD(bad, 0, 4);
      assertThatThrownBy(() -> open.doFinal(bad, 4, 1000 + 16, bad, 4)).as("byte %d changed", at)
          .isInstanceOf(AEADBadTagException.class);
    }
  }

  @Test
  void aSecondInitStartsOverUnderTheNewKeyAndNonce() throws Exception {
    Random random = new Random(5);
    Cipher ours = init(new SshAesGcm.Aes256(), Cipher.ENCRYPT_MODE, bytes(random, 32), bytes(random, 16));
    byte[] plain = packet(random, 64);
    sealed(ours, plain, 64);
    byte[] key = bytes(random, 32);
    byte[] iv = bytes(random, 16);
    init(ours, Cipher.ENCRYPT_MODE, key, iv);
    Cipher theirs = init(new AES256GCM(), Cipher.ENCRYPT_MODE, key, iv);
    for (int i = 0; i < 3; i++) {
      assertThat(sealed(ours, plain, 64)).as("packet %d after the re-key", i).isEqualTo(sealed(theirs, plain, 64));
    }
  }

  @Test
  void registersItselfForJschsGcmNamesAndItsRandomBytes() {
    SshAesGcm.register();
    assertThat(com.jcraft.jsch.JSch.getConfig("aes128-gcm@openssh.com")).isEqualTo(SshAesGcm.Aes128.class.getName());
    assertThat(com.jcraft.jsch.JSch.getConfig("aes256-gcm@openssh.com")).isEqualTo(SshAesGcm.Aes256.class.getName());
    assertThat(com.jcraft.jsch.JSch.getConfig("random")).isEqualTo(SshRandom.class.getName());
  }

  private static void packetsMatch(Supplier<Cipher> ours, Supplier<Cipher> jsch) throws Exception {
    Random random = new Random(1);
    byte[] key = bytes(random, 32);
    byte[] iv = bytes(random, 16);
    iv[11] = (byte) 0xfe; // the counter carries across a byte boundary within the run
    Cipher ourSeal = init(ours.get(), Cipher.ENCRYPT_MODE, key, iv);
    Cipher theirSeal = init(jsch.get(), Cipher.ENCRYPT_MODE, key, iv);
    Cipher ourOpen = init(ours.get(), Cipher.DECRYPT_MODE, key, iv);
    Cipher theirOpen = init(jsch.get(), Cipher.DECRYPT_MODE, key, iv);
    for (int n : new int[] {16, 32, 48, 32_768, 1024, 64, 4096}) {
      byte[] plain = packet(random, n);
      byte[] mine = sealed(ourSeal, plain, n);
      byte[] theirs = sealed(theirSeal, plain, n);
      assertThat(mine).as("packet of %d bytes", n).isEqualTo(theirs);
      assertThat(opened(theirOpen, mine, n)).isEqualTo(plain);
      assertThat(opened(ourOpen, theirs, n)).isEqualTo(plain);
    }
  }

  private static Cipher init(Cipher c, int mode, byte[] key, byte[] iv) throws Exception {
    c.init(mode, Arrays.copyOf(key, 32), iv.clone());
    return c;
  }

  /** A packet of {@code n} bytes after its 4-byte length, with room for the tag. */
  private static byte[] packet(Random random, int n) {
    byte[] p = bytes(random, 4 + n + 16);
    p[0] = 0;
    p[1] = 0;
    p[2] = (byte) (n >>> 8);
    p[3] = (byte) n;
    Arrays.fill(p, 4 + n, p.length, (byte) 0);
    return p;
  }

  private static byte[] sealed(Cipher c, byte[] plain, int n) throws Exception {
    byte[] buf = plain.clone();
    c.updateAAD(buf, 0, 4);
    c.doFinal(buf, 4, n, buf, 4);
    return buf;
  }

  private static byte[] opened(Cipher c, byte[] sealed, int n) throws Exception {
    byte[] buf = sealed.clone();
    c.updateAAD(buf, 0, 4);
    c.doFinal(buf, 4, n + 16, buf, 4);
    Arrays.fill(buf, 4 + n, buf.length, (byte) 0);
    return buf;
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}

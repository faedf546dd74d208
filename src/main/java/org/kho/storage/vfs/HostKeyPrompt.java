package org.kho.storage.vfs;

import com.jcraft.jsch.UserInfo;

/**
 * JSch's questions while connecting, answered "no" every time: an unknown or changed host key is
 * never accepted, and nothing is written to the known_hosts file. The last question is kept, since
 * it holds the fingerprint the server showed, for the message that tells the user what to do.
 */
final class HostKeyPrompt implements UserInfo {
  private volatile String lastMessage = "";

  /** What JSch last asked or said: its text about the host key, with the fingerprint. */
  String lastMessage() {
    return lastMessage;
  }

  @Override
  public boolean promptYesNo(String message) {
    lastMessage = message;
    return false;
  }

  @Override
  public void showMessage(String message) {
    lastMessage = message;
  }

  @Override
  public String getPassphrase() {
    return null;
  }

  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public boolean promptPassword(String message) {
    return false;
  }

  @Override
  public boolean promptPassphrase(String message) {
    return false;
  }
}

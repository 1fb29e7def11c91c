package org.dunbar.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secret of a pseudonymized run, read from its key file. The key is the file's bytes less
 * trailing line breaks (so {@code openssl rand -hex 32 > key} and an editor's final newline give
 * the same key). It is never shown: the manifest and {@link #toString} carry only the file's path
 * and a {@link #fingerprint()}.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * HMAC'd with the key to name it. Pseudonyms are base32 and this is hex, so none can equal it.
   */
  private static final String FINGERPRINT_LABEL = "dunbar key fingerprint v1";

  private final String keyFile;
  private final byte[] secret;
  private final String fingerprint;

  private PseudonymKey(String keyFile, byte[] secret) {
    this.keyFile = keyFile;
    this.secret = secret;
    this.fingerprint =
        HexFormat.of().formatHex(new Pseudonyms(secret).digest(FINGERPRINT_LABEL), 0, 8);
  }

  /**
   * Reads the key file, checking it before any byte is read.
   *
   * @throws KeyFileException when the file is missing, not a regular file, readable by every user
   *     (POSIX "other" read permission; file systems without POSIX permissions are not checked),
   *     unreadable, or empty once trailing line breaks are removed
   */
  public static PseudonymKey load(Path file) throws KeyFileException {
    if (!Files.exists(file)) {
      throw new KeyFileException(file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new KeyFileException(file + ": not a regular file");
    }
    try {
      if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
          throw new KeyFileException(
              file
                  + ": readable by every user ("
                  + PosixFilePermissions.toString(permissions)
                  + "); a key others can read protects nothing: chmod 600 it");
        }
      }
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      if (end == 0) {
        throw new KeyFileException(
            file + ": empty; put a secret in it, e.g. openssl rand -hex 32 > " + file);
      }
      return new PseudonymKey(file.toString(), Arrays.copyOf(bytes, end));
    } catch (IOException e) {
      throw new KeyFileException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** A new, independent HMAC over this key: one per thread or worker, since a Mac is stateful. */
  public Pseudonyms pseudonyms() {
    return new Pseudonyms(secret);
  }

  /** 16 hex digits: the first 8 bytes of HMAC-SHA-256(key, "dunbar key fingerprint v1"). */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * How the manifest's resolved study shows it: where the key is and which key it is, never the
   * key.
   */
  @JsonValue
  public Map<String, Object> manifest() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("key_file", keyFile);
    shown.put("key_fingerprint", fingerprint);
    shown.put("pseudonym", Pseudonyms.DESCRIPTION);
    return shown;
  }

  @Override
  public String toString() {
    return "PseudonymKey[" + keyFile + ", fingerprint " + fingerprint + "]";
  }

  /** A key file that cannot be used; the message names the file and what is wrong. */
  public static final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
      super(message);
    }
  }
}

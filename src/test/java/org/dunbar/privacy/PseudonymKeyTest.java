package org.dunbar.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files and the pseudonym function, against values computed independently (Python's hmac). */
class PseudonymKeyTest {
  @TempDir Path tmp;

  private Path keyFile(String name, String content, String permissions) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void pseudonymsAreTruncatedHmacSha256InBase32() throws Exception {
    // python3: base64.b32encode(hmac.new(b'k1-secret', b'ann',
    // 'sha256').digest()[:16]).rstrip(b'=')
    Pseudonyms p = PseudonymKey.load(keyFile("key", "k1-secret\n", "rw-------")).pseudonyms();
    assertEquals("MV5AMLSRUHD3WGM2USFY4TP26I", p.of("ann"));
    assertEquals("Z2VJQFBNWGZSYQY6OJ5SFOO7II", p.of("émile"), "ids are hashed as UTF-8");
    assertEquals(p.of("ann"), p.of("ann"), "the Mac is reset between ids");
  }

  @Test
  void trailingLineBreaksAreNotPartOfTheKey() throws Exception {
    PseudonymKey plain = PseudonymKey.load(keyFile("a", "k1-secret", "rw-------"));
    PseudonymKey crlf = PseudonymKey.load(keyFile("b", "k1-secret\r\n", "r--------"));
    assertEquals(plain.pseudonyms().of("bob"), crlf.pseudonyms().of("bob"));
  }

  @Test
  void theFingerprintNamesTheKeyWithoutShowingIt() throws Exception {
    PseudonymKey key = PseudonymKey.load(keyFile("key", "k1-secret\n", "rw-r-----"));
    // python3: hmac.new(b'k1-secret', b'dunbar key fingerprint v1', 'sha256').hexdigest()[:16]
    assertEquals("41d96cae39f9aa2e", key.fingerprint());
    assertFalse(key.toString().contains("k1-secret"));
    assertFalse(key.manifest().toString().contains("k1-secret"));
    assertNotEquals(
        key.fingerprint(),
        PseudonymKey.load(keyFile("other", "k2-secret", "rw-------")).fingerprint());
  }

  @Test
  void unusableKeyFilesAreRefusedWithTheirReason() throws Exception {
    assertTrue(refusal(tmp.resolve("absent")).endsWith("absent: no such file"));
    assertTrue(refusal(tmp).contains("not a regular file"));
    assertTrue(refusal(keyFile("empty", "", "rw-------")).contains("empty"));
    assertTrue(refusal(keyFile("newline", "\n", "rw-------")).contains("empty"));
    String open = refusal(keyFile("open", "k1-secret", "rw-r--r--"));
    assertTrue(open.contains("readable by every user (rw-r--r--)"), open);
    assertFalse(open.contains("k1-secret"));
  }

  private static String refusal(Path file) {
    return assertThrows(PseudonymKey.KeyFileException.class, () -> PseudonymKey.load(file))
        .getMessage();
  }

  @Test
  void detailsLoseTheValuesTheyQuote() {
    assertEquals("actor and target", IdColumns.withoutValues("actor and target 'ann'"));
    assertEquals(
        "invalid JSON near character 12",
        IdColumns.withoutValues("invalid JSON near character 12: unrecognized token 'ann'"));
    assertEquals("user.followers_count", IdColumns.withoutValues("user.followers_count: -1"));
    assertEquals("actor", IdColumns.withoutValues("actor"));
    assertNull(IdColumns.withoutValues("'ann'"));
  }
}

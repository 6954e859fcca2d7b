package dev.agentgateway.proxy.policy.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** htpasswd hashes against vectors made by other implementations (OpenBSD bcrypt, openssl). */
class PasswordHashesTest {
  // The OpenBSD / jBCrypt test vector for "abc" at cost 6.
  private static final String BCRYPT_ABC =
      "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";

  @Test
  void bcryptMatchesInEveryHtpasswdVariant() {
    assertTrue(PasswordHashes.matches("abc", BCRYPT_ABC));
    assertTrue(PasswordHashes.matches("abc", BCRYPT_ABC.replace("$2a$", "$2y$")));
    assertTrue(PasswordHashes.matches("abc", BCRYPT_ABC.replace("$2a$", "$2b$")));
    assertFalse(PasswordHashes.matches("abd", BCRYPT_ABC));
    assertFalse(PasswordHashes.matches("abc", "$2y$06$tooShort"));
  }

  @Test
  void bcryptRefusesPasswordsOverItsLimitInsteadOfThrowing() {
    assertFalse(PasswordHashes.matches("a".repeat(100), BCRYPT_ABC));
  }

  @Test
  void apr1ReproducesOpensslHashes() {
    // openssl passwd -apr1 -salt <salt> <password>
    assertEquals(
        "$apr1$abcdefgh$ckT15POyCRlen.h6XtGAZ1",
        Apr1Crypt.hash(bytes("hunter2"), "$apr1$abcdefgh$ignored"));
    assertEquals(
        "$apr1$Zz9.Q/$.Dihc30PAU09C3LQ0soqS.", Apr1Crypt.hash(bytes("x"), "$apr1$Zz9.Q/$"));
    assertEquals(
        "$apr1$Zz9.Q/$CoT73jBUbtydCj.kwKMzf0",
        Apr1Crypt.hash(bytes("a-much-longer-password-over-16-chars"), "$apr1$Zz9.Q/$"));
    assertTrue(PasswordHashes.matches("hunter2", "$apr1$Zz9.Q/$re1Kb2gitKS2h/Fyxyr040"));
    assertFalse(PasswordHashes.matches("hunter3", "$apr1$Zz9.Q/$re1Kb2gitKS2h/Fyxyr040"));
  }

  @Test
  void shaIsBase64OfSha1() {
    assertTrue(PasswordHashes.matches("hunter2", "{SHA}87u9ZqY9S/F0eUBXjsPQEDUw4h0="));
    assertFalse(PasswordHashes.matches("hunter", "{SHA}87u9ZqY9S/F0eUBXjsPQEDUw4h0="));
  }

  @Test
  void plainTextAndUnknownSchemesNeverMatch() {
    assertFalse(PasswordHashes.matches("hunter2", "hunter2"));
    assertFalse(PasswordHashes.matches("hunter2", "$6$salt$sha512crypt"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

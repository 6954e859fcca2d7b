package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/** Keys and signed tokens for tests. */
final class Tokens {
  static final String ISSUER = "https://issuer.example";
  static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");

  // Generated once per test JVM: RSA key generation takes a second or more on a busy machine.
  static final RSAKey RSA_A = generateRsa("key-a");
  static final RSAKey RSA_B = generateRsa("key-b");
  static final ECKey EC = generateEc("ec-1");

  private Tokens() {}

  private static RSAKey generateRsa(String kid) {
    try {
      return rsa(kid);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc(String kid) {
    try {
      return ec(kid);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static RSAKey rsa(String kid) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  static ECKey ec(String kid) throws JOSEException {
    return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
  }

  /** Claims valid at {@link #NOW}: issuer, subject, audience "mcp", an hour of life. */
  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("alice")
        .audience("mcp")
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plusSeconds(3600)));
  }

  static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws JOSEException {
    return sign(key, key.getKeyID(), alg, claims);
  }

  /** Signs with {@code key} but names {@code kid} in the header (RSA keys are slow to generate). */
  static String sign(JWK key, String kid, JWSAlgorithm alg, JWTClaimsSet claims)
      throws JOSEException {
    JWSSigner signer =
        key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String rs256(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    return sign(key, JWSAlgorithm.RS256, claims);
  }
}

package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.List;

/** Parses a JWKS document into the public keys this gateway can verify with. */
final class JwksParsing {
  private JwksParsing() {}

  /**
   * The public parts of the set's keys. Private parts, if someone pasted them, are dropped; key
   * types are filtered when a token is verified.
   *
   * @throws ParseException not a JWKS document
   */
  static List<JWK> publicKeys(String json) throws ParseException {
    return JWKSet.parse(json).toPublicJWKSet().getKeys();
  }
}

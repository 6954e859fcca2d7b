package dev.agentgateway.proxy.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.config.ConfigException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionCodecTest {
  private static final String KEY_A =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final String KEY_B =
      "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

  private static SessionState state() {
    return new SessionState(
        UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"),
        List.of(
            new SessionState.Target("everything", "c0ffee-1", "10.0.0.7:8080"),
            new SessionState.Target("stdio", null, null),
            new SessionState.Target("ünicode", "s2", "[::1]:3001")),
        Instant.parse("2026-11-28T06:00:00.123456Z"));
  }

  @Test
  void roundTripsTheStateUnderTheSameKey() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    SessionState opened = codec.unseal(codec.seal(state()));
    assertEquals(state(), opened);
    assertEquals(Instant.parse("2026-11-28T06:00:00.123Z"), opened.createdAt());
    assertEquals("10.0.0.7:8080", opened.target("everything").pinnedEndpoint());
  }

  @Test
  void anotherReplicaWithTheSameKeyResumesTheSession() throws Exception {
    String id = SessionCodec.withHexKey(KEY_A, "SESSION_KEY").seal(state());
    assertEquals(state(), SessionCodec.withHexKey(KEY_A.toUpperCase(), "x").unseal(id));
  }

  @Test
  void sealsTheSameStateDifferentlyEachTimeAsHeaderSafeText() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    String one = codec.seal(state());
    String two = codec.seal(state());
    assertNotEquals(one, two);
    assertTrue(one.matches("[A-Za-z0-9_-]+"), one);
  }

  @Test
  void roundTripsAStateWithoutTargets() throws Exception {
    SessionCodec codec = SessionCodec.withRandomKey();
    SessionState empty = SessionState.create(List.of(), Instant.EPOCH);
    assertEquals(empty, codec.unseal(codec.seal(empty)));
  }

  @Test
  void refusesAnIdSealedUnderAnotherKey() throws Exception {
    String id = SessionCodec.withHexKey(KEY_A, "SESSION_KEY").seal(state());
    SessionCodec other = SessionCodec.withHexKey(KEY_B, "SESSION_KEY");
    assertThrows(InvalidSessionException.class, () -> other.unseal(id));
    assertThrows(InvalidSessionException.class, () -> SessionCodec.withRandomKey().unseal(id));
  }

  @Test
  void refusesEveryFlippedBit() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    byte[] raw = Base64.getUrlDecoder().decode(codec.seal(state()));
    for (int i = 0; i < raw.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = raw.clone();
        tampered[i] ^= (byte) (1 << bit);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
        assertThrows(InvalidSessionException.class, () -> codec.unseal(id), "byte " + i);
      }
    }
  }

  @Test
  void refusesTruncatedAndExtendedIds() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    String id = codec.seal(state());
    assertThrows(
        InvalidSessionException.class, () -> codec.unseal(id.substring(0, id.length() - 3)));
    assertThrows(InvalidSessionException.class, () -> codec.unseal(id + "AAAA"));
  }

  @Test
  void refusesGarbage() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    List<String> garbage =
        List.of(
            "",
            "not base64!",
            "abc",
            UUID.randomUUID().toString(),
            Base64.getUrlEncoder().encodeToString(new byte[64]),
            // An unsealed, plain base64url state, as upstream writes without a key: never accepted.
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(SessionStateFormat.write(state())));
    for (String value : garbage) {
      assertThrows(InvalidSessionException.class, () -> codec.unseal(value), value);
    }
    assertThrows(InvalidSessionException.class, () -> codec.unseal(null));
  }

  @Test
  void refusesAnOversizedIdBeforeDecodingIt() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    String huge = "A".repeat(SessionCodec.MAX_HEADER_LENGTH + 1);
    InvalidSessionException e =
        assertThrows(InvalidSessionException.class, () -> codec.unseal(huge));
    assertEquals("session id too long", e.getMessage());
  }

  @Test
  void theRefusalNeverEchoesTheInput() throws Exception {
    SessionCodec codec = SessionCodec.withHexKey(KEY_A, "SESSION_KEY");
    String id = SessionCodec.withHexKey(KEY_B, "SESSION_KEY").seal(state());
    InvalidSessionException e = assertThrows(InvalidSessionException.class, () -> codec.unseal(id));
    assertFalse(e.getMessage().contains(id.substring(0, 10)));
  }

  @Test
  void aKeyOfTheWrongLengthIsAConfigErrorNamingTheSetting() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SessionCodec.withHexKey("abcd", "SESSION_KEY"));
    assertEquals("SESSION_KEY", e.errors().get(0).path());
    assertTrue(e.getMessage().contains("64 hex characters"), e.getMessage());
    assertFalse(e.getMessage().contains("abcd"), "the key is never echoed");
  }

  @Test
  void aKeyThatIsNotHexIsAConfigErrorNamingTheSetting() {
    String notHex = "zz" + KEY_A.substring(2);
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> SessionCodec.withHexKey(notHex, "config.session.key"));
    assertEquals("config.session.key", e.errors().get(0).path());
    assertTrue(e.getMessage().contains("not hexadecimal"), e.getMessage());
    assertFalse(e.getMessage().contains(notHex));
  }

  @Test
  void theEnvironmentKeyWinsOverTheConfigKey() throws Exception {
    String id = SessionCodec.withHexKey(KEY_A, "k").seal(state());
    assertEquals(state(), SessionCodec.fromSettings(KEY_A, KEY_B).unseal(id));
    assertEquals(state(), SessionCodec.fromSettings(null, KEY_A).unseal(id));
    assertEquals(state(), SessionCodec.fromSettings(" ", KEY_A + "\n").unseal(id));
    ConfigException e =
        assertThrows(ConfigException.class, () -> SessionCodec.fromSettings(null, "short"));
    assertEquals(SessionCodec.CONFIG_KEY, e.errors().get(0).path());
  }

  @Test
  void onlyAConfiguredKeyIsSharedWithOtherReplicas() throws Exception {
    assertTrue(SessionCodec.withHexKey("ab".repeat(32), "test").shared());
    assertTrue(SessionCodec.fromSettings("cd".repeat(32), null).shared());
    assertFalse(SessionCodec.withRandomKey().shared());
    assertFalse(SessionCodec.fromSettings(null, null).shared());
  }

  @Test
  void withoutAConfiguredKeyIdsOpenOnlyInTheSameProcessCodec() throws Exception {
    SessionCodec random = SessionCodec.fromSettings(null, null);
    String id = random.seal(state());
    assertEquals(state(), random.unseal(id));
    assertThrows(
        InvalidSessionException.class, () -> SessionCodec.fromSettings(null, null).unseal(id));
  }

  @Test
  void sealsTheLargestAllowedStateWithinTheHeaderCap() throws Exception {
    List<SessionState.Target> targets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      targets.add(new SessionState.Target("t" + i, "s".repeat(64), "host-" + i + ".svc:8080"));
    }
    SessionCodec codec = SessionCodec.withRandomKey();
    SessionState many = SessionState.create(targets, Instant.EPOCH);
    String id = codec.seal(many);
    assertTrue(id.length() <= SessionCodec.MAX_HEADER_LENGTH);
    assertEquals(many, codec.unseal(id));
  }

  @Test
  void theDecoderBoundsCountsAndLengthsEvenUnderAValidSeal() {
    // Only a key holder could seal these; the decoder still refuses them without allocating.
    ByteBuffer tooMany = ByteBuffer.allocate(26);
    tooMany.putLong(1).putLong(2).putLong(0).putShort((short) (SessionState.MAX_TARGETS + 1));
    assertThrows(InvalidSessionException.class, () -> SessionStateFormat.read(tooMany.flip()));
    ByteBuffer longName = ByteBuffer.allocate(40);
    longName
        .putLong(1)
        .putLong(2)
        .putLong(0)
        .putShort((short) 1)
        .put((byte) 0)
        .putShort((short) 60000);
    assertThrows(InvalidSessionException.class, () -> SessionStateFormat.read(longName.flip()));
    ByteBuffer badFlags = ByteBuffer.allocate(40);
    badFlags
        .putLong(1)
        .putLong(2)
        .putLong(0)
        .putShort((short) 1)
        .put((byte) 4)
        .putShort((short) 1)
        .put((byte) 'a');
    assertThrows(InvalidSessionException.class, () -> SessionStateFormat.read(badFlags.flip()));
  }

  @Test
  void stateRefusesWhatCouldNotBeSentBackUpstream() {
    assertThrows(
        IllegalArgumentException.class, () -> new SessionState.Target("t", "has space", null));
    assertThrows(IllegalArgumentException.class, () -> new SessionState.Target("t", null, "host"));
    assertThrows(
        IllegalArgumentException.class, () -> new SessionState.Target("t", null, "host:99999"));
    assertThrows(
        IllegalArgumentException.class, () -> new SessionState.Target("t", null, "a\"b:80"));
    assertThrows(IllegalArgumentException.class, () -> new SessionState.Target("", null, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SessionState.create(
                List.of(
                    new SessionState.Target("a", null, null),
                    new SessionState.Target("a", null, null)),
                Instant.EPOCH));
  }
}

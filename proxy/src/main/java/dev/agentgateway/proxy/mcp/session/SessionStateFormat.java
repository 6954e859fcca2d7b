package dev.agentgateway.proxy.mcp.session;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plaintext inside a sealed session id: a tiny fixed binary layout, smaller than JSON so ids
 * stay short. Big-endian: id (16), createdAt epoch millis (8), target count (2), then per target a
 * flags byte (bit 0: upstream session id follows, bit 1: pinned endpoint follows, bit 2: protocol
 * version follows) and length-prefixed (2) UTF-8 strings: name, [upstream session id], [pinned
 * endpoint], [protocol version].
 */
final class SessionStateFormat {
  private static final int HAS_SESSION = 1;
  private static final int HAS_ENDPOINT = 2;
  private static final int HAS_VERSION = 4;

  private SessionStateFormat() {}

  static byte[] write(SessionState state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * state.targets().size());
    ByteBuffer head = ByteBuffer.allocate(26);
    head.putLong(state.id().getMostSignificantBits());
    head.putLong(state.id().getLeastSignificantBits());
    head.putLong(state.createdAt().toEpochMilli());
    head.putShort((short) state.targets().size());
    out.writeBytes(head.array());
    for (SessionState.Target target : state.targets()) {
      int flags =
          (target.upstreamSessionId() != null ? HAS_SESSION : 0)
              | (target.pinnedEndpoint() != null ? HAS_ENDPOINT : 0)
              | (target.protocolVersion() != null ? HAS_VERSION : 0);
      out.write(flags);
      writeString(out, target.name());
      if (target.upstreamSessionId() != null) {
        writeString(out, target.upstreamSessionId());
      }
      if (target.pinnedEndpoint() != null) {
        writeString(out, target.pinnedEndpoint());
      }
      if (target.protocolVersion() != null) {
        writeString(out, target.protocolVersion());
      }
    }
    return out.toByteArray();
  }

  /** Reads what {@link #write} wrote; anything else, including trailing bytes, is refused. */
  static SessionState read(ByteBuffer in) throws InvalidSessionException {
    try {
      UUID id = new UUID(in.getLong(), in.getLong());
      Instant createdAt = Instant.ofEpochMilli(in.getLong());
      int count = Short.toUnsignedInt(in.getShort());
      if (count > SessionState.MAX_TARGETS) {
        throw new InvalidSessionException("session carries too many targets");
      }
      List<SessionState.Target> targets = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~(HAS_SESSION | HAS_ENDPOINT | HAS_VERSION)) != 0) {
          throw new InvalidSessionException("malformed session content");
        }
        String name = readString(in);
        String session = (flags & HAS_SESSION) != 0 ? readString(in) : null;
        String endpoint = (flags & HAS_ENDPOINT) != 0 ? readString(in) : null;
        String version = (flags & HAS_VERSION) != 0 ? readString(in) : null;
        targets.add(new SessionState.Target(name, session, endpoint, version));
      }
      if (in.hasRemaining()) {
        throw new InvalidSessionException("malformed session content");
      }
      return new SessionState(id, targets, createdAt);
    } catch (BufferUnderflowException | IllegalArgumentException | java.time.DateTimeException e) {
      // Only a holder of the key can get here, so this is a bug or a format change, not an attack;
      // still, it is the same answer for the client.
      throw new InvalidSessionException("malformed session content");
    }
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    // SessionState bounds every string to MAX_STRING_BYTES, well under 65535.
    out.write(bytes.length >>> 8);
    out.write(bytes.length & 0xFF);
    out.writeBytes(bytes);
  }

  private static String readString(ByteBuffer in) throws InvalidSessionException {
    int length = Short.toUnsignedInt(in.getShort());
    if (length > SessionState.MAX_STRING_BYTES || length > in.remaining()) {
      throw new InvalidSessionException("malformed session content");
    }
    ByteBuffer slice = in.slice(in.position(), length);
    in.position(in.position() + length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(slice)
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidSessionException("malformed session content");
    }
  }
}

package dev.agentgateway.proxy.llm.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads AWS event-stream messages ({@code application/vnd.amazon.eventstream}, Bedrock's
 * ConverseStream) from a byte stream, one frame at a time, however the frames are split across
 * reads.
 *
 * <p>A frame is a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes), the
 * headers, the payload and a CRC32 of everything before it; all integers big-endian. Both checksums
 * are verified and the total length is capped, so a bad or hostile frame fails before anything is
 * allocated for it. Not thread-safe.
 */
public final class EventStreamReader {
  /** The cap AWS itself puts on one message. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

  private static final int PRELUDE = 12;
  private static final int MIN_FRAME = PRELUDE + 4;

  private final InputStream in;
  private final int maxFrameBytes;
  private final byte[] prelude = new byte[PRELUDE];

  public EventStreamReader(InputStream in) {
    this(in, DEFAULT_MAX_FRAME_BYTES);
  }

  public EventStreamReader(InputStream in, int maxFrameBytes) {
    if (maxFrameBytes < MIN_FRAME) {
      throw new IllegalArgumentException("maxFrameBytes must be at least " + MIN_FRAME);
    }
    this.in = in;
    this.maxFrameBytes = maxFrameBytes;
  }

  /**
   * The next message, blocking until a whole frame has arrived.
   *
   * @return null when the stream ends cleanly between frames
   * @throws EventStreamException the framing is broken, or the stream ended inside a frame
   */
  public EventStreamMessage next() throws IOException {
    int got = readFully(prelude, PRELUDE);
    if (got == 0) {
      return null;
    }
    if (got < PRELUDE) {
      throw new EventStreamException("the stream ended inside a frame's prelude");
    }
    long total = uint32(prelude, 0);
    long headersLength = uint32(prelude, 4);
    CRC32 crc = new CRC32();
    crc.update(prelude, 0, 8);
    if (crc.getValue() != uint32(prelude, 8)) {
      throw new EventStreamException("prelude checksum mismatch");
    }
    if (total < MIN_FRAME || total > maxFrameBytes) {
      throw new EventStreamException(
          "frame length " + total + " outside " + MIN_FRAME + ".." + maxFrameBytes);
    }
    if (headersLength > total - MIN_FRAME) {
      throw new EventStreamException("headers length " + headersLength + " exceeds the frame");
    }
    byte[] rest = new byte[(int) total - PRELUDE];
    if (readFully(rest, rest.length) < rest.length) {
      throw new EventStreamException("the stream ended inside a frame");
    }
    crc.update(prelude, 8, 4);
    crc.update(rest, 0, rest.length - 4);
    if (crc.getValue() != uint32(rest, rest.length - 4)) {
      throw new EventStreamException("message checksum mismatch");
    }
    Map<String, String> headers = headers(rest, (int) headersLength);
    int payloadLength = rest.length - 4 - (int) headersLength;
    byte[] payload = new byte[payloadLength];
    System.arraycopy(rest, (int) headersLength, payload, 0, payloadLength);
    return new EventStreamMessage(headers, payload);
  }

  /**
   * Reads until {@code length} bytes or EOF; a loop over {@code read} rather than {@code
   * readNBytes}, which some streams override to return after one read.
   */
  private int readFully(byte[] b, int length) throws IOException {
    int got = 0;
    while (got < length) {
      int n = in.read(b, got, length - got);
      if (n < 0) {
        break;
      }
      got += n;
    }
    return got;
  }

  private static Map<String, String> headers(byte[] b, int length) throws EventStreamException {
    Map<String, String> headers = new HashMap<>();
    int p = 0;
    while (p < length) {
      int nameLength = b[p++] & 0xff;
      need(p + nameLength + 1, length);
      String name = new String(b, p, nameLength, StandardCharsets.UTF_8);
      p += nameLength;
      int type = b[p++] & 0xff;
      String value;
      switch (type) {
        case 0 -> value = "true";
        case 1 -> value = "false";
        case 2 -> {
          need(p + 1, length);
          value = Byte.toString(b[p]);
          p += 1;
        }
        case 3 -> {
          need(p + 2, length);
          value = Short.toString((short) (((b[p] & 0xff) << 8) | (b[p + 1] & 0xff)));
          p += 2;
        }
        case 4 -> {
          need(p + 4, length);
          value = Integer.toString((int) uint32(b, p));
          p += 4;
        }
        case 5, 8 -> {
          need(p + 8, length);
          value = Long.toString((uint32(b, p) << 32) | uint32(b, p + 4));
          p += 8;
        }
        case 6, 7 -> {
          need(p + 2, length);
          int valueLength = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
          p += 2;
          need(p + valueLength, length);
          value =
              type == 7
                  ? new String(b, p, valueLength, StandardCharsets.UTF_8)
                  : HexFormat.of().formatHex(b, p, p + valueLength);
          p += valueLength;
        }
        case 9 -> {
          need(p + 16, length);
          value = HexFormat.of().formatHex(b, p, p + 16);
          p += 16;
        }
        default -> throw new EventStreamException("unknown header value type " + type);
      }
      headers.put(name, value);
    }
    return headers;
  }

  private static void need(int end, int length) throws EventStreamException {
    if (end > length) {
      throw new EventStreamException("a header runs past the headers section");
    }
  }

  private static long uint32(byte[] b, int p) {
    return ((long) (b[p] & 0xff) << 24)
        | ((b[p + 1] & 0xff) << 16)
        | ((b[p + 2] & 0xff) << 8)
        | (b[p + 3] & 0xff);
  }
}

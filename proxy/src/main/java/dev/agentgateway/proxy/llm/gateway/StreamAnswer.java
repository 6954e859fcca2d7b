package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.format.EventSink;
import dev.agentgateway.proxy.llm.format.ProviderFormat;
import dev.agentgateway.proxy.llm.format.SseEventWriter;
import dev.agentgateway.proxy.llm.format.StreamContext;
import dev.agentgateway.proxy.llm.format.StreamListener;
import dev.agentgateway.proxy.llm.format.StreamRelay;
import dev.agentgateway.proxy.llm.format.StreamTranslator;
import dev.agentgateway.proxy.llm.guard.StreamingResponseGuard;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Relays a provider's streamed answer to the client as server-sent events, one event at a time and
 * flushed each, translated when the client speaks another API; a cut or garbled stream ends with an
 * error event in the client's format.
 */
final class StreamAnswer implements StreamListener {
  /** The most read after the last event to keep the connection; a longer tail is dropped. */
  private static final long MAX_TAIL = 64 * 1024;

  private static final Duration TAIL_IDLE = Duration.ofSeconds(1);

  private final LlmCall.Upstream upstream;
  private final ProviderPlan plan;
  private final StreamContext context;
  private final ReplyBuilder reply;
  private final long start;
  private long firstToken = -1;

  StreamAnswer(
      LlmCall.Upstream upstream,
      ProviderPlan plan,
      StreamContext context,
      ReplyBuilder reply,
      long start) {
    this.upstream = upstream;
    this.plan = plan;
    this.context = context;
    this.reply = reply;
    this.start = start;
  }

  @Override
  public void firstOutput() {
    firstToken = upstream.nanoTime().getAsLong() - start;
  }

  /**
   * @param guard the route's response guards for this stream, or null
   * @param idle the longest the provider may stay silent mid-stream
   */
  LlmReply relay(
      InputStream body,
      ServerResponse res,
      String upstreamModel,
      StreamingResponseGuard guard,
      Duration idle) {
    StreamTranslator translator =
        plan.raw() ? new ResponsesPassthroughStream(this) : plan.conversion().stream(context, this);
    // raw streams are OpenAI Responses: server-sent events
    ProviderFormat framing = plan.raw() ? ProviderFormat.OPENAI_CHAT : plan.conversion().provider();
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    long bytes = 0;
    TokenUsage usage = TokenUsage.NONE;
    try (IdleTimeoutInputStream in = new IdleTimeoutInputStream(body, idle);
        OutputStream out = res.outputStream()) {
      SseEventWriter writer = new SseEventWriter(out);
      EventSink sink =
          plan.raw() || guard == null
              ? writer
              : GuardedSink.wrap(writer, guard, plan.conversion().client());
      usage = StreamRelay.relay(in, framing, translator, sink);
      bytes = writer.bytes();
      if (translator.completed()) {
        out.close(); // the client has its whole answer; the tail is the gateway's business
        in.idle(TAIL_IDLE);
        drainTail(in);
      }
    } catch (IOException e) {
      // closing either side failed: the client or the provider went away at the very end
    } catch (RuntimeException e) {
      // the client went away while the stream was closed
    }
    if (!translator.completed()) {
      reply.reason("stream ended before the answer was complete");
    }
    reply.responseModel(
        context != null && !context.model().isEmpty() ? context.model() : upstreamModel);
    reply.usage(usage.isEmpty() ? null : usage);
    LlmReply done = reply.build(200, bytes);
    reply.record(upstream.metrics(), upstream.nanoTime().getAsLong() - start, firstToken);
    return done;
  }

  /**
   * Reads what follows the provider's last event (the chunked terminator, a trailing newline): the
   * connection goes back to the pool only when the body was read to its end, and closing it early
   * would cost the next request a new connection (and TLS handshake).
   */
  private static void drainTail(InputStream in) throws IOException {
    byte[] scratch = new byte[512];
    long left = MAX_TAIL;
    int n;
    while (left > 0 && (n = in.read(scratch, 0, (int) Math.min(scratch.length, left))) >= 0) {
      left -= n;
    }
  }
}

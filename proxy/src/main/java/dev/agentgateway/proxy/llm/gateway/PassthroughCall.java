package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.http.HopByHop;
import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.failover.Outcome;
import dev.agentgateway.proxy.llm.failover.ProviderPool;
import dev.agentgateway.proxy.llm.failover.RetryAfter;
import dev.agentgateway.proxy.llm.format.ProviderFormat;
import dev.agentgateway.proxy.llm.format.UsageReader;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoints;
import dev.agentgateway.proxy.llm.provider.RouteType;
import dev.agentgateway.proxy.llm.provider.UnsupportedRouteException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serves {@code passthrough} and {@code detect} routes ({@code ai.routes}): the request goes to a
 * provider as the client sent it (any method and path, the provider's key in place of the
 * client's), and the answer comes back byte for byte, streamed. {@code detect} also reads the
 * answer's token usage, whole or from its events as they pass, for accounting and budgets; neither
 * applies guards, as upstream does not. Failover works as for chat: a 5xx, a 429, a timeout or a
 * refused connection moves to another provider while nothing has been sent.
 */
final class PassthroughCall {
  private static final Set<String> NOT_RELAYED =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive");
  private static final int MAX_LINE = 1024 * 1024;

  private final LlmCall.Upstream upstream;
  private final LlmCall.Request request;
  private final Backend.Ai backend;
  private final ProviderPool<AiProvider> pool;
  private final ServerResponse res;
  private final ReplyBuilder reply;
  private final long start;

  PassthroughCall(
      LlmCall.Upstream upstream,
      LlmCall.Request request,
      Backend.Ai backend,
      ProviderPool<AiProvider> pool,
      ServerResponse res,
      ReplyBuilder reply,
      long start) {
    this.upstream = upstream;
    this.request = request;
    this.backend = backend;
    this.pool = pool;
    this.res = res;
    this.reply = reply;
    this.start = start;
  }

  private boolean detect() {
    return request.route().route() == RouteType.DETECT;
  }

  LlmReply run() {
    byte[] body;
    try {
      body = BoundedBody.read(request.body(), request.declaredLength(), request.maxBodyBytes());
    } catch (BoundedBody.TooLargeException e) {
      return reply.error(res, 413, e.getMessage(), null);
    } catch (IOException e) {
      return reply.error(res, 400, "could not read the request body", null);
    }
    reply.bytesIn(body.length);
    String contentType = first(request.headers(), "content-type");
    String model = model(contentType, body);
    reply.requestModel(model);
    Set<AiProvider> excluded = new HashSet<>();
    for (List<AiProvider> group : backend.groups()) {
      for (AiProvider p : group) {
        if (model != null && !p.serves(model)) {
          excluded.add(p);
        }
      }
    }
    if (excluded.size() == backend.groups().stream().mapToInt(List::size).sum()) {
      excluded.clear(); // the body names no model a provider claims: any provider may take it
    }
    Failure last = null;
    for (int t = 0; t < LlmCall.TRIES; t++) {
      var picked = pool.pick(excluded);
      if (picked.isEmpty()) {
        break;
      }
      AiProvider p = picked.get();
      excluded.add(p);
      reply.provider(p, t);
      Object outcome = attempt(p, contentType, body);
      if (outcome instanceof LlmReply done) {
        return done;
      }
      last = (Failure) outcome;
    }
    if (last == null) {
      return reply.error(res, 503, "no provider is available", null);
    }
    reply.reason(last.reason());
    if (last.contentType() != null) {
      res.header(HeaderNames.CONTENT_TYPE, last.contentType());
    }
    res.status(Status.create(last.status()));
    res.send(last.body());
    return reply.build(last.status(), last.body().length);
  }

  /** A try another provider may fix, with what to send if none does. */
  private record Failure(int status, byte[] body, String contentType, String reason) {}

  /** The reply when the client has its answer, else a {@link Failure}. */
  private Object attempt(AiProvider p, String contentType, byte[] body) {
    long t0 = upstream.nanoTime().getAsLong();
    ProviderHttp.Request upstreamRequest;
    try {
      ProviderEndpoint endpoint = ProviderEndpoints.passthrough(p, request.target());
      upstreamRequest =
          UpstreamRequest.build(
              p,
              endpoint,
              request.method(),
              body.length == 0 ? null : contentType,
              request.headers(),
              body,
              request.tryTimeout(),
              upstream.env(),
              upstream.clock());
    } catch (UnsupportedRouteException | IllegalStateException | IllegalArgumentException e) {
      pool.record(p, Outcome.CLIENT_ERROR, Duration.ZERO);
      return reply.error(res, 500, "provider " + p.name() + ": " + e.getMessage(), null);
    }
    ProviderHttp.Answer answer;
    try {
      answer = upstream.http().send(upstreamRequest);
    } catch (SocketTimeoutException e) {
      pool.record(p, Outcome.TIMEOUT, since(t0));
      return gatewayFailure(504, "provider " + p.name() + " did not answer in time");
    } catch (IOException e) {
      pool.record(p, Outcome.CONNECTION_ERROR, since(t0));
      return gatewayFailure(502, "could not reach provider " + p.name());
    }
    int status = answer.status();
    String answerType = answer.header("content-type");
    if (status == 429 || status >= 500) {
      byte[] error = readQuietly(answer.body());
      Duration hint = RetryAfter.from(answer::header, upstream.clock());
      pool.record(p, Outcome.ofStatus(status), since(t0), hint);
      return new Failure(status, error, answerType, "provider error " + status);
    }
    pool.record(p, status >= 400 ? Outcome.CLIENT_ERROR : Outcome.SUCCESS, since(t0));
    return relay(p, answer, answerType);
  }

  private Failure gatewayFailure(int status, String message) {
    return new Failure(
        status,
        Answers.errorBody(request.route(), status, message, null),
        "application/json",
        message);
  }

  /** Sends the provider's answer as it comes; {@code detect} reads its usage on the way. */
  private LlmReply relay(AiProvider p, ProviderHttp.Answer answer, String answerType) {
    int status = answer.status();
    res.status(Status.create(status));
    for (Header h : answer.headers()) {
      String lower = h.name().toLowerCase(Locale.ROOT);
      if (!HopByHop.fixed(lower) && !NOT_RELAYED.contains(lower)) {
        res.headers().add(h);
      }
    }
    boolean events = answerType != null && answerType.startsWith("text/event-stream");
    ProviderFormat format = nativeFormat(p);
    UsageSniffer sniffer = detect() && status < 300 ? new UsageSniffer(format, events) : null;
    long bytes = 0;
    try (InputStream in = new IdleTimeoutInputStream(answer.body(), request.tryTimeout());
        OutputStream out = res.outputStream()) {
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (events) {
          out.flush();
        }
        bytes += n;
        if (sniffer != null) {
          sniffer.accept(buffer, n);
        }
      }
    } catch (IOException | RuntimeException e) {
      reply.reason("the answer was cut: " + e.getMessage());
    }
    if (sniffer != null) {
      TokenUsage usage = sniffer.finish();
      reply.usage(usage.isEmpty() ? null : usage);
    }
    LlmReply done = reply.build(status, bytes);
    reply.record(upstream.metrics(), upstream.nanoTime().getAsLong() - start, -1);
    return done;
  }

  /** The API the provider natively answers in, whose usage fields detect reads. */
  private static ProviderFormat nativeFormat(AiProvider p) {
    List<ProviderFormat> formats = ProviderPlan.formats(p.spec(), p.spec().model());
    return formats.isEmpty() ? ProviderFormat.OPENAI_CHAT : formats.get(0);
  }

  /**
   * Reads token usage from a relayed answer: from each {@code data:} line of an event stream as it
   * passes, or from a whole JSON body (bounded; larger bodies are relayed uncounted).
   */
  private static final class UsageSniffer {
    private final ProviderFormat format;
    private final boolean events;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean overflow;
    private TokenUsage usage = TokenUsage.NONE;

    UsageSniffer(ProviderFormat format, boolean events) {
      this.format = format;
      this.events = events;
    }

    void accept(byte[] bytes, int length) {
      if (!events) {
        if (!overflow && pending.size() + length <= LlmCall.MAX_ANSWER_BYTES) {
          pending.write(bytes, 0, length);
        } else {
          overflow = true;
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
        if (b == '\n') {
          line();
        } else if (pending.size() < MAX_LINE) {
          pending.write(b);
        } else {
          overflow = true;
        }
      }
    }

    private void line() {
      String text = pending.toString(StandardCharsets.UTF_8).strip();
      boolean skip = overflow;
      pending.reset();
      overflow = false;
      if (!skip && text.startsWith("data:")) {
        read(text.substring(5).strip());
      }
    }

    private void read(String json) {
      if (!json.startsWith("{")) {
        return; // [DONE] and the like
      }
      try {
        JsonNode node = Answers.JSON.readTree(json);
        TokenUsage found = UsageReader.ofResponse(format, node);
        for (String wrapper : List.of("message", "response")) {
          if (found.isEmpty() && node.path(wrapper).isObject()) {
            found = UsageReader.ofResponse(format, node.get(wrapper));
          }
        }
        usage = usage.merge(found);
      } catch (IOException | RuntimeException e) {
        // not JSON after all: nothing to count
      }
    }

    TokenUsage finish() {
      if (events) {
        if (pending.size() > 0) {
          line();
        }
      } else if (!overflow) {
        read(pending.toString(StandardCharsets.UTF_8).strip());
      }
      return usage;
    }
  }

  private static String model(String contentType, byte[] body) {
    if (contentType == null || !contentType.contains("json") || body.length == 0) {
      return null;
    }
    try {
      JsonNode model = Answers.JSON.readTree(body).path("model");
      return model.isTextual() ? model.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private Duration since(long t0) {
    return Duration.ofNanos(upstream.nanoTime().getAsLong() - t0);
  }

  private static byte[] readQuietly(InputStream in) {
    try (in) {
      return in.readNBytes(LlmCall.MAX_ERROR_BYTES);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}

package dev.agentgateway.proxy.llm.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.llm.TokenUsage;
import dev.agentgateway.proxy.llm.failover.Outcome;
import dev.agentgateway.proxy.llm.failover.ProviderPool;
import dev.agentgateway.proxy.llm.failover.RetryAfter;
import dev.agentgateway.proxy.llm.format.FormatException;
import dev.agentgateway.proxy.llm.format.ProviderErrors;
import dev.agentgateway.proxy.llm.format.StreamContext;
import dev.agentgateway.proxy.llm.format.UsageReader;
import dev.agentgateway.proxy.llm.policy.LlmRoutePolicies;
import dev.agentgateway.proxy.llm.policy.PolicyOutcome;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoints;
import dev.agentgateway.proxy.llm.provider.RouteType;
import dev.agentgateway.proxy.llm.provider.UnsupportedRouteException;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitDecision;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.telemetry.GenAiMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One request to an AI backend: reads and checks the client's body, picks a provider serving its
 * model, translates, sends, and on a 5xx, a 429, a timeout or a broken connection (nothing has
 * reached the client yet) tries once more on another provider; then answers in the client's format.
 * Every pick's outcome and latency goes back to the pool.
 */
public final class LlmCall {
  /** The largest whole answer read from a provider. */
  static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

  /** The largest provider error body read. */
  static final int MAX_ERROR_BYTES = 1024 * 1024;

  /** Tries per request: the first provider and one other. */
  static final int TRIES = 2;

  /**
   * What every call shares: the provider client, metrics, and where time and credentials come from.
   */
  public record Upstream(
      ProviderHttp http,
      GenAiMetrics metrics,
      Map<String, String> env,
      Clock clock,
      LongSupplier nanoTime) {}

  /**
   * The client's request.
   *
   * @param route the LLM API its path names, or null for none
   * @param target the request target as the client sent it (path and query), for passthrough
   * @param headers header names in lower case to their values
   * @param declaredLength the body's declared length, or -1
   * @param maxBodyBytes the largest body accepted
   * @param tryTimeout how long each provider may take to start answering
   */
  public record Request(
      ClientRoute route,
      String target,
      String method,
      Map<String, List<String>> headers,
      InputStream body,
      long declaredLength,
      long maxBodyBytes,
      Duration tryTimeout) {}

  /** How one try ended. */
  private sealed interface Try {}

  /** The client has its answer. */
  private record Done(LlmReply reply) implements Try {}

  /** The try failed in a way another provider may fix; the body is in the client's shape. */
  private record Failure(int status, byte[] body, String reason) implements Try {}

  private final Upstream upstream;
  private final Request request;
  private final Backend.Ai backend;
  private final ProviderPool<AiProvider> pool;
  private final LlmRoutePolicies policies;
  private final ServerResponse res;
  private final long start;
  private final ReplyBuilder reply;

  public LlmCall(
      Upstream upstream,
      Request request,
      Backend.Ai backend,
      ProviderPool<AiProvider> pool,
      LlmRoutePolicies policies,
      ServerResponse res) {
    this.upstream = upstream;
    this.request = request;
    this.backend = backend;
    this.pool = pool;
    this.policies = policies;
    this.res = res;
    this.start = upstream.nanoTime().getAsLong();
    this.reply = new ReplyBuilder(request.route());
  }

  /** Serves the request; never throws for bad input or a failing provider. */
  public LlmReply run() {
    ClientRoute route = request.route();
    if (route == null) {
      return reply.error(res, 404, "no LLM API is served at this path", null);
    }
    if (route.route() == RouteType.MODELS) {
      return reply.answered(res, 200, Answers.bytes(ModelList.of(backend)));
    }
    switch (route.route()) {
      case REALTIME, GENERATE_CONTENT, GEMINI_COUNT_TOKENS, RERANK -> {
        return reply.error(res, 501, "the " + route.operation() + " API is not served yet", null);
      }
      case PASSTHROUGH, DETECT -> {
        return passThrough();
      }
      default -> {}
    }
    if (!"POST".equals(request.method())) {
      res.header("allow", "POST");
      return reply.error(res, 405, "this endpoint takes POST only", null);
    }
    byte[] raw;
    try {
      raw = BoundedBody.read(request.body(), request.declaredLength(), request.maxBodyBytes());
    } catch (BoundedBody.TooLargeException e) {
      return reply.error(res, 413, e.getMessage(), null);
    } catch (IOException e) {
      return reply.error(res, 400, "could not read the request body", null);
    }
    reply.bytesIn(raw.length);
    ObjectNode body;
    try {
      JsonNode parsed = Answers.JSON.readTree(raw);
      if (parsed == null || !parsed.isObject()) {
        return reply.error(res, 400, "the request body must be a JSON object", null);
      }
      body = (ObjectNode) parsed;
    } catch (IOException e) {
      return reply.error(res, 400, "the request body is not valid JSON", null);
    }
    if (policies.problem() != null) {
      return reply.error(res, 500, "invalid route policy: " + policies.problem(), null);
    }
    if (route.client() != null) {
      switch (policies.beforeRequest(body, route.client())) {
        case PolicyOutcome.Reject r -> {
          return refuse(r);
        }
        case PolicyOutcome.Proceed p -> {
          if (p.modified()) {
            raw = Answers.bytes(body);
          }
        }
      }
    }
    final byte[] sent = raw;
    return withinBudget(() -> serveModel(route, sent, body));
  }

  /** Passthrough and detect: the request as sent, within the route's budget. */
  private LlmReply passThrough() {
    return withinBudget(
        () -> new PassthroughCall(upstream, request, backend, pool, res, reply, start).run());
  }

  /**
   * Serves the request if the route's {@code localRateLimit} admits it, then charges the answer's
   * tokens: they are known only once it is complete, so an overage lands on the next request.
   */
  private LlmReply withinBudget(Supplier<LlmReply> serve) {
    RateLimitGate gate = policies.rateLimit();
    if (gate != null) {
      RateLimitDecision decision = gate.check(0);
      RateLimitGate.setHeaders(res, decision);
      if (!decision.allowed()) {
        return reply.error(res, 429, "rate limit exceeded", "rate_limit_exceeded");
      }
    }
    LlmReply answered = serve.get();
    if (gate != null && answered.usage() != null) {
      gate.amend(answered.usage().total(), 0);
    }
    return answered;
  }

  /** A request guard's refusal, sent as configured. */
  private LlmReply refuse(PolicyOutcome.Reject r) {
    r.headers().remove().forEach(name -> res.headers().remove(HeaderNames.create(name)));
    r.headers().set().forEach((name, value) -> res.header(name, value));
    r.headers().add().forEach((name, value) -> res.headers().add(HeaderNames.create(name), value));
    reply.reason("refused by a prompt guard");
    return reply.answered(res, r.status(), r.body().getBytes(StandardCharsets.UTF_8));
  }

  private LlmReply serveModel(ClientRoute route, byte[] raw, ObjectNode body) {
    JsonNode modelNode = body.get("model");
    String model = modelNode != null && modelNode.isTextual() ? modelNode.asText() : null;
    reply.requestModel(model);
    Set<AiProvider> excluded = new HashSet<>();
    boolean anyServes = false;
    for (List<AiProvider> group : backend.groups()) {
      for (AiProvider p : group) {
        boolean serves = p.serves(model) && (model != null || p.spec().model() != null);
        anyServes |= serves;
        if (!serves || ProviderPlan.of(p, route, model(p, model)) == null) {
          excluded.add(p);
        }
      }
    }
    if (excluded.size() == countProviders()) {
      if (model == null) {
        return reply.error(res, 400, "model: a model is required", null);
      }
      return anyServes
          ? reply.error(res, 404, "no provider of model " + model + " serves this API", null)
          : reply.error(res, 404, "the model " + model + " is not served here", "model_not_found");
    }
    boolean stream = route.client() != null && body.path("stream").asBoolean(false);
    Failure last = null;
    for (int t = 0; t < TRIES; t++) {
      Optional<AiProvider> picked = pool.pick(excluded);
      if (picked.isEmpty()) {
        break;
      }
      AiProvider p = picked.get();
      excluded.add(p);
      reply.provider(p, t);
      switch (attempt(p, raw, body, model, stream)) {
        case Done done -> {
          return done.reply();
        }
        case Failure failure -> last = failure;
      }
    }
    reply.reason(last.reason());
    return reply.answered(res, last.status(), last.body());
  }

  private int countProviders() {
    return backend.groups().stream().mapToInt(List::size).sum();
  }

  /** The model sent to {@code p}: its configured one, else the client's. */
  private static String model(AiProvider p, String clientModel) {
    return p.spec().model() != null ? p.spec().model() : clientModel;
  }

  /** One try on {@code p}. */
  private Try attempt(
      AiProvider p, byte[] raw, ObjectNode body, String clientModel, boolean stream) {
    long t0 = upstream.nanoTime().getAsLong();
    String upstreamModel = model(p, clientModel);
    if (!p.transformations().isEmpty()) {
      pool.record(p, Outcome.CLIENT_ERROR, Duration.ZERO);
      return new Done(
          reply.error(
              res,
              501,
              "provider " + p.name() + ": model transformations are not supported yet",
              null));
    }
    ProviderPlan plan = ProviderPlan.of(p, request.route(), upstreamModel);
    ProviderPlan.Prepared prepared;
    try {
      prepared = plan.prepare(raw, body, clientModel, upstreamModel);
    } catch (FormatException e) {
      pool.record(p, Outcome.CLIENT_ERROR, Duration.ZERO);
      return new Done(reply.answered(res, 400, Answers.bytes(plan.conversion().invalidRequest(e))));
    }
    StreamContext context = prepared.context();
    ProviderHttp.Request upstreamRequest;
    try {
      ProviderEndpoint endpoint =
          ProviderEndpoints.resolve(p, plan.upstreamRoute(), upstreamModel, stream);
      upstreamRequest =
          UpstreamRequest.build(
              p,
              endpoint,
              request.headers(),
              prepared.bytes(),
              request.tryTimeout(),
              upstream.env(),
              upstream.clock());
    } catch (UnsupportedRouteException | IllegalStateException e) {
      // a provider set up in a way this request cannot use; the message names no secret
      pool.record(p, Outcome.CLIENT_ERROR, Duration.ZERO);
      return new Done(reply.error(res, 500, "provider " + p.name() + ": " + e.getMessage(), null));
    }
    ProviderHttp.Answer answer;
    try {
      answer = upstream.http().send(upstreamRequest);
    } catch (SocketTimeoutException e) {
      pool.record(p, Outcome.TIMEOUT, since(t0));
      return failure(504, "provider " + p.name() + " did not answer in time", "upstream timeout");
    } catch (IOException e) {
      pool.record(p, Outcome.CONNECTION_ERROR, since(t0));
      return failure(502, "could not reach provider " + p.name(), "upstream connection failed");
    }
    int status = answer.status();
    if (status == 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
      byte[] error = readQuietly(answer.body(), MAX_ERROR_BYTES);
      Duration hint = RetryAfter.from(answer::header, upstream.clock());
      pool.record(
          p, Outcome.ofStatus(status >= 300 && status < 400 ? 502 : status), since(t0), hint);
      return new Failure(
          ProviderErrors.clientStatus(status),
          errorBody(plan, status, error, answer),
          "provider error " + status);
    }
    if (status >= 400) {
      byte[] error = readQuietly(answer.body(), MAX_ERROR_BYTES);
      pool.record(p, Outcome.CLIENT_ERROR, since(t0));
      reply.reason("provider error " + status);
      return new Done(reply.answered(res, status, errorBody(plan, status, error, answer)));
    }
    if (stream) {
      pool.record(p, Outcome.SUCCESS, since(t0));
      return new Done(
          new StreamAnswer(upstream, plan, context, reply, start)
              .relay(
                  answer.body(), res, upstreamModel, policies.streamGuard(), request.tryTimeout()));
    }
    return wholeAnswer(p, plan, context, answer, t0, upstreamModel);
  }

  private Try wholeAnswer(
      AiProvider p,
      ProviderPlan plan,
      StreamContext context,
      ProviderHttp.Answer answer,
      long t0,
      String upstreamModel) {
    byte[] bytes;
    try (InputStream in = new IdleTimeoutInputStream(answer.body(), request.tryTimeout())) {
      bytes = in.readNBytes(MAX_ANSWER_BYTES);
    } catch (IdleTimeoutInputStream.StalledException e) {
      pool.record(p, Outcome.TIMEOUT, since(t0));
      return failure(504, "provider " + p.name() + " stalled in its answer", "upstream timeout");
    } catch (IOException e) {
      pool.record(p, Outcome.CONNECTION_ERROR, since(t0));
      return failure(
          502, "provider " + p.name() + " broke off its answer", "upstream connection failed");
    }
    JsonNode parsed;
    try {
      parsed = Answers.JSON.readTree(bytes);
      if (parsed == null || !parsed.isObject()) {
        throw new IOException("not an object");
      }
    } catch (IOException e) {
      pool.record(p, Outcome.SERVER_ERROR, since(t0));
      return failure(
          502, "provider " + p.name() + " answered with invalid JSON", "invalid provider answer");
    }
    pool.record(p, Outcome.SUCCESS, since(t0));
    byte[] client;
    TokenUsage usage;
    JsonNode named = parsed;
    if (plan.raw()) {
      client = bytes;
      usage = parsed.has("usage") ? UsageReader.openAi(parsed.get("usage")) : null;
    } else {
      usage = plan.conversion().usage(parsed);
      if (plan.passthrough()) {
        client = bytes;
      } else {
        ObjectNode translated = plan.conversion().response(parsed, context);
        named = translated;
        client = Answers.bytes(translated);
      }
    }
    if (!plan.raw() && request.route().client() != null && named instanceof ObjectNode shaped) {
      switch (policies.afterResponse(shaped, request.route().client())) {
        case PolicyOutcome.Reject r -> {
          reply.usage(usage);
          return new Done(refuse(r));
        }
        case PolicyOutcome.Proceed proceed -> {
          if (proceed.modified()) {
            client = Answers.bytes(shaped);
          }
        }
      }
    }
    JsonNode modelNode = named.get("model");
    reply.responseModel(
        modelNode != null && modelNode.isTextual() ? modelNode.asText() : upstreamModel);
    reply.usage(usage);
    LlmReply done = reply.answered(res, 200, client);
    reply.record(upstream.metrics(), upstream.nanoTime().getAsLong() - start, -1);
    return new Done(done);
  }

  private Failure failure(int status, String message, String reason) {
    return new Failure(status, Answers.errorBody(request.route(), status, message, null), reason);
  }

  /** A provider's error answer in the client's shape. */
  private byte[] errorBody(
      ProviderPlan plan, int status, byte[] error, ProviderHttp.Answer answer) {
    String amzn = answer.header("x-amzn-errortype");
    if (plan.conversion() != null) {
      return Answers.bytes(plan.conversion().error(status, error, amzn));
    }
    return Answers.bytes(
        ProviderErrors.toClient(
            Answers.errorFormat(request.route()), ProviderErrors.parse(status, error, amzn)));
  }

  private Duration since(long t0) {
    return Duration.ofNanos(upstream.nanoTime().getAsLong() - t0);
  }

  private static byte[] readQuietly(InputStream in, int max) {
    try (in) {
      return in.readNBytes(max);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}

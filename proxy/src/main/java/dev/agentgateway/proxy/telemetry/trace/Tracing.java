package dev.agentgateway.proxy.telemetry.trace;

import dev.agentgateway.model.ir.TracingConfig;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.telemetry.RequestScope;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One server span per sampled request, exported over OTLP in batches by the OpenTelemetry SDK (a
 * full queue drops spans; requests never wait for the collector). A client's sampled W3C {@code
 * traceparent} is continued when {@code clientSampling} agrees; other requests start a trace when
 * {@code randomSampling} does.
 */
public final class Tracing implements AutoCloseable {
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final Duration EXPORT_DELAY = Duration.ofSeconds(1);

  private final SdkTracerProvider provider;
  private final Tracer tracer;
  private final Sampling random;
  private final Sampling client;
  private final List<Added> add;
  private final Set<String> remove;

  private Tracing(
      SdkTracerProvider provider,
      Sampling random,
      Sampling client,
      List<Added> add,
      Set<String> remove) {
    this.provider = provider;
    this.tracer = provider.get("agentgateway");
    this.random = random;
    this.client = client;
    this.add = add;
    this.remove = remove;
  }

  /**
   * Tracing as {@code config} says, exporting to its collector.
   *
   * @throws IllegalArgumentException if a sampling or attribute expression is invalid
   */
  public static Tracing create(TracingConfig config, Supplier<CelEngine> engine, String version) {
    Sampling random = Sampling.parse(config.randomSampling(), engine);
    Sampling client = Sampling.parse(config.clientSampling(), engine);
    List<Added> add = new ArrayList<>();
    config
        .fields()
        .add()
        .forEach((name, cel) -> add.add(new Added(name, engine.get().compile(cel))));
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"),
                        "agentgateway",
                        AttributeKey.stringKey("service.version"),
                        version)));
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(resource)
            .setSampler(Sampler.alwaysOn()) // the decision is made in start(), before any SDK call
            .addSpanProcessor(
                BatchSpanProcessor.builder(exporter(config)).setScheduleDelay(EXPORT_DELAY).build())
            .build();
    return new Tracing(
        provider, random, client, List.copyOf(add), Set.copyOf(config.fields().remove()));
  }

  /** Checks the expressions of {@code config}; the message names the field at fault, or null. */
  public static Map<String, String> problems(TracingConfig config, Supplier<CelEngine> engine) {
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    check("randomSampling", () -> Sampling.parse(config.randomSampling(), engine), problems);
    check("clientSampling", () -> Sampling.parse(config.clientSampling(), engine), problems);
    config
        .fields()
        .add()
        .forEach(
            (name, cel) -> check("fields.add." + name, () -> engine.get().compile(cel), problems));
    return problems;
  }

  private static void check(String field, Runnable compile, Map<String, String> problems) {
    try {
      compile.run();
    } catch (IllegalArgumentException e) {
      problems.put(field, e.getMessage());
    }
  }

  private static SpanExporter exporter(TracingConfig config) {
    Duration timeout = Duration.ofSeconds(10);
    return switch (config.otlpProtocol()) {
      case GRPC -> {
        var b =
            OtlpGrpcSpanExporter.builder().setEndpoint(config.otlpEndpoint()).setTimeout(timeout);
        config.headers().forEach(b::addHeader);
        yield b.build();
      }
      case HTTP -> {
        String base = config.otlpEndpoint();
        if (base.endsWith("/")) {
          base = base.substring(0, base.length() - 1);
        }
        var b =
            OtlpHttpSpanExporter.builder().setEndpoint(base + config.path()).setTimeout(timeout);
        config.headers().forEach(b::addHeader);
        yield b.build();
      }
    };
  }

  /** Decides whether {@code req} is traced and, if so, starts its span. */
  public RequestScope start(ServerRequest req) {
    Supplier<RequestAttributes> request = RequestScope.memoized(req);
    Supplier<CelActivation> activation = () -> CelActivation.builder().request(request).build();
    SpanContext parent = SpanContext.getInvalid();
    if (req.headers().contains(TRACEPARENT)) {
      parent = Span.fromContext(W3C.extract(Context.root(), req, GETTER)).getSpanContext();
    }
    boolean sampled =
        parent.isValid()
            ? parent.isSampled() && client.sample(activation)
            : !random.never() && random.sample(activation);
    if (!sampled) {
      // An unsampled client trace still reaches the upstream: its traceparent is forwarded as is.
      return new RequestScope(request, null, null);
    }
    SpanBuilder builder =
        tracer.spanBuilder(req.prologue().method().text()).setSpanKind(SpanKind.SERVER);
    builder.setParent(parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root());
    Span span = builder.startSpan();
    SpanContext own = span.getSpanContext();
    String traceparent = "00-" + own.getTraceId() + "-" + own.getSpanId() + "-01";
    return new RequestScope(request, span, traceparent);
  }

  /** Ends the span of {@code scope} with what {@code log} says about the request. */
  public void end(RequestScope scope, RequestLog log, String bindKey) {
    Span span = scope.span();
    span.updateName(log.route().isEmpty() ? log.method() : log.method() + " " + log.route());
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("http.request.method", log.method());
    attributes.put("url.path", log.path());
    attributes.put("http.response.status_code", (long) log.status());
    attributes.put("gateway", bindKey);
    putIfPresent(attributes, "server.address", log.host());
    putIfPresent(attributes, "network.protocol.version", log.protocol());
    putIfPresent(attributes, "route", log.route());
    putIfPresent(attributes, "endpoint", log.backend());
    putIfPresent(attributes, "reason", log.reason());
    attributes.put("protocol", log.backendProtocol());
    for (RequestLog.Field field : log.fields()) {
      attributes.put(field.key(), field.value());
    }
    if (!add.isEmpty()) {
      CelActivation activation =
          CelActivation.builder()
              .request(scope.request())
              .set("response", Map.of("code", (long) log.status()))
              .build();
      for (Added a : add) {
        try {
          attributes.put(a.name(), a.expression().evaluate(activation));
        } catch (CelEvaluationError e) {
          // Left out, as in the access log.
        }
      }
    }
    remove.forEach(attributes::remove);
    attributes.forEach((key, value) -> set(span, key, value));
    if (log.status() >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  private static void putIfPresent(Map<String, Object> attributes, String key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }

  private static void set(Span span, String key, Object value) {
    switch (value) {
      case Long l -> span.setAttribute(key, l);
      case Integer i -> span.setAttribute(key, (long) i);
      case Double d -> span.setAttribute(key, d);
      case Boolean b -> span.setAttribute(key, b);
      default -> span.setAttribute(key, String.valueOf(value));
    }
  }

  /** Exports what is queued and stops, waiting at most {@code timeout}. */
  public void shutdown(Duration timeout) {
    provider.shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5));
  }

  private static final io.helidon.http.HeaderName TRACEPARENT = HeaderNames.create("traceparent");

  private static final TextMapGetter<ServerRequest> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ServerRequest carrier) {
          List<String> names = new ArrayList<>();
          carrier.headers().forEach(h -> names.add(h.name()));
          return names;
        }

        @Override
        public String get(ServerRequest carrier, String key) {
          return carrier == null
              ? null
              : carrier.headers().first(HeaderNames.create(key)).orElse(null);
        }
      };

  private record Added(String name, CelExpression expression) {}
}

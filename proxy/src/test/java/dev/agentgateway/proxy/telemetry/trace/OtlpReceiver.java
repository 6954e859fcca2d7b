package dev.agentgateway.proxy.telemetry.trace;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.helidon.webserver.WebServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An OTLP trace collector on a free loopback port: gRPC, or HTTP at {@code /v1/traces}. */
final class OtlpReceiver implements AutoCloseable {
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final List<String> resourceServiceNames = new CopyOnWriteArrayList<>();
  private final Server grpc;
  private final WebServer http;

  private OtlpReceiver(boolean overGrpc) {
    if (overGrpc) {
      try {
        grpc =
            NettyServerBuilder.forAddress(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(
                    new TraceServiceGrpc.TraceServiceImplBase() {
                      @Override
                      public void export(
                          ExportTraceServiceRequest request,
                          StreamObserver<ExportTraceServiceResponse> response) {
                        collect(request);
                        response.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        response.onCompleted();
                      }
                    })
                .build()
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      http = null;
    } else {
      grpc = null;
      http =
          WebServer.builder()
              .host("127.0.0.1")
              .port(0)
              .shutdownHook(false)
              .routing(
                  r ->
                      r.post(
                          "/v1/traces",
                          (req, res) -> {
                            collect(
                                ExportTraceServiceRequest.parseFrom(
                                    req.content().as(byte[].class)));
                            res.header("Content-Type", "application/x-protobuf");
                            res.send(ExportTraceServiceResponse.getDefaultInstance().toByteArray());
                          }))
              .build()
              .start();
    }
  }

  static OtlpReceiver grpc() {
    return new OtlpReceiver(true);
  }

  static OtlpReceiver http() {
    return new OtlpReceiver(false);
  }

  private void collect(ExportTraceServiceRequest request) {
    for (ResourceSpans rs : request.getResourceSpansList()) {
      rs.getResource().getAttributesList().stream()
          .filter(a -> a.getKey().equals("service.name"))
          .forEach(a -> resourceServiceNames.add(a.getValue().getStringValue()));
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        spans.addAll(ss.getSpansList());
      }
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + (grpc != null ? grpc.getPort() : http.port());
  }

  List<Span> spans() {
    return spans;
  }

  List<String> serviceNames() {
    return resourceServiceNames;
  }

  @Override
  public void close() {
    if (grpc != null) {
      grpc.shutdownNow();
    }
    if (http != null) {
      http.stop();
    }
  }
}

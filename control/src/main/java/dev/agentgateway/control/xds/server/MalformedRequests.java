package dev.agentgateway.control.xds.server;

import dev.agentgateway.model.xds.envoy.AggregatedDiscoveryServiceGrpc;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import java.io.InputStream;

/**
 * Lets the Delta stream see undecodable requests instead of grpc-java closing the call with an
 * opaque UNKNOWN "Application error": a request that is not valid protobuf parses to {@link
 * #MALFORMED}, which the stream answers with INVALID_ARGUMENT.
 */
final class MalformedRequests {

  /** Stands for a request that could not be decoded; compared by identity. */
  static final DeltaDiscoveryRequest MALFORMED =
      DeltaDiscoveryRequest.newBuilder().setTypeUrl("(malformed)").build();

  private MalformedRequests() {}

  /** {@code service}'s definition with the lenient request decoder on the Delta method. */
  @SuppressWarnings("unchecked")
  static ServerServiceDefinition bind(AggregatedDiscoveryServiceGrpc.AsyncService service) {
    ServerServiceDefinition bound = AggregatedDiscoveryServiceGrpc.bindService(service);
    String delta =
        AggregatedDiscoveryServiceGrpc.getDeltaAggregatedResourcesMethod().getFullMethodName();
    ServerServiceDefinition.Builder builder =
        ServerServiceDefinition.builder(bound.getServiceDescriptor().getName());
    for (ServerMethodDefinition<?, ?> method : bound.getMethods()) {
      if (method.getMethodDescriptor().getFullMethodName().equals(delta)) {
        var typed = (ServerMethodDefinition<DeltaDiscoveryRequest, DeltaDiscoveryResponse>) method;
        builder.addMethod(
            ServerMethodDefinition.create(
                typed.getMethodDescriptor().toBuilder().setRequestMarshaller(new Lenient()).build(),
                typed.getServerCallHandler()));
      } else {
        builder.addMethod(method);
      }
    }
    return builder.build();
  }

  private static final class Lenient implements MethodDescriptor.Marshaller<DeltaDiscoveryRequest> {
    private final MethodDescriptor.Marshaller<DeltaDiscoveryRequest> strict =
        ProtoUtils.marshaller(DeltaDiscoveryRequest.getDefaultInstance());

    @Override
    public InputStream stream(DeltaDiscoveryRequest value) {
      return strict.stream(value);
    }

    @Override
    public DeltaDiscoveryRequest parse(InputStream stream) {
      try {
        return strict.parse(stream);
      } catch (RuntimeException e) {
        return MALFORMED;
      }
    }
  }
}

package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.xds.proto.Resource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the loader builds for LLM configs crosses xDS unchanged. */
class LoadedLlmConfigRoundTripTest {
  @Test
  void llmShortcutAndAiBackendRoutesRoundTrip() throws Exception {
    GatewayConfig config =
        new LocalConfigLoader(Map.of("OPENAI_API_KEY", "sk-env"))
            .parse(
                """
                llm:
                  port: 4000
                  models:
                  - {name: smart, provider: openAI, params: {model: gpt-5.5}}
                  - name: anthropic/*
                    provider: anthropic
                    params: {apiKey: ak}
                    transformation: {model: 'llmRequest.model.stripPrefix("anthropic/")'}
                  - {name: local, provider: ollama}
                  - {name: claude, provider: bedrock, params: {awsRegion: us-east-1}}
                binds:
                - port: 3000
                  listeners:
                  - routes:
                    - policies: {backendAuth: {passthrough: {}}}
                      backends:
                      - ai:
                          groups:
                          - providers:
                            - {name: a, provider: {gemini: {}}, hostOverride: "127.0.0.1:9999"}
                          - providers:
                            - {name: b, provider: {vertex: {projectId: p, region: europe-west4}}}
                """);
    for (Route route : config.routes()) {
      Resource wire = Resource.parseFrom(IrToProto.resourceOf(route).toByteArray());
      assertEquals(route, ProtoToIr.decode(wire));
    }
    assertEquals(2, config.routes().size());
  }
}

package dev.agentgateway.proxy.testing.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure OpenAI: the v1 API ({@code /openai/v1/chat/completions}, ...) and dated deployments ({@code
 * /openai/deployments/{name}/chat/completions?api-version=...}); the resource key comes in {@code
 * api-key}. The answers are OpenAI's own.
 */
final class AzureWire implements ProviderWire {
  private static final Pattern DEPLOYMENT = Pattern.compile("/openai/deployments/[^/]+(/.+)");
  private final OpenAiWire openai = new OpenAiWire();

  @Override
  public Reply answer(RecordedRequest r) {
    String key = r.header("api-key");
    if (key == null || key.isEmpty()) {
      return openai.error(401);
    }
    String rest;
    Matcher m = DEPLOYMENT.matcher(r.path());
    if (m.matches()) {
      if (r.query() == null || !r.query().contains("api-version=")) {
        return openai.error(404);
      }
      rest = m.group(1);
    } else if (r.path().startsWith("/openai/v1/")) {
      rest = r.path().substring("/openai/v1".length());
    } else {
      return openai.error(404);
    }
    Map<String, List<String>> headers = new HashMap<>(r.headers());
    headers.put("authorization", List.of("Bearer " + key));
    return openai.answer(new RecordedRequest(r.method(), "/v1" + rest, null, headers, r.body()));
  }

  @Override
  public Reply error(int status) {
    return openai.error(status);
  }
}

package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptGuardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final RegexRules MASK_PII =
      new RegexRules(
          RegexAction.MASK,
          List.of(RegexRule.of(Builtin.EMAIL), RegexRule.of(Builtin.CREDIT_CARD)));

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  private static PromptGuards request(RequestGuard... guards) {
    return PromptGuards.compile(new PromptGuard(false, List.of(guards), List.of()), HTTP);
  }

  @Test
  void masksOpenAiMessagesInScopeAndLeavesTheRest() throws Exception {
    ObjectNode body =
        json(
            "{'model':'gpt-4o','messages':["
                + "{'role':'system','content':'admin is a@b.io'},"
                + "{'role':'user','content':[{'type':'text','text':'card 4111111111111111'}]},"
                + "{'role':'assistant','tool_calls':[{'function':{'arguments':'{\\'to\\':\\'c@d.io\\'}'}}]},"
                + "{'role':'tool','content':'found e@f.io'}]}");
    PromptGuards guards =
        request(new RequestGuard(MASK_PII, null, null, EnumSet.of(ContentScope.MESSAGES)));
    GuardResult result = guards.checkRequest(body, ClientFormat.OPENAI_CHAT, Map.of());
    assertEquals(new GuardResult.Allowed(true), result);
    assertEquals("admin is a@b.io", body.at("/messages/0/content").asText());
    assertEquals("card <CREDIT_CARD>", body.at("/messages/1/content/0/text").asText());
    assertEquals(
        "{\"to\":\"c@d.io\"}", body.at("/messages/2/tool_calls/0/function/arguments").asText());
    assertEquals("found e@f.io", body.at("/messages/3/content").asText());

    request(
            new RequestGuard(
                MASK_PII,
                null,
                null,
                EnumSet.of(ContentScope.TOOL_INPUT, ContentScope.TOOL_OUTPUT)))
        .checkRequest(body, ClientFormat.OPENAI_CHAT, Map.of());
    assertEquals(
        "{\"to\":\"<EMAIL_ADDRESS>\"}",
        body.at("/messages/2/tool_calls/0/function/arguments").asText());
    assertEquals("found <EMAIL_ADDRESS>", body.at("/messages/3/content").asText());
  }

  @Test
  void masksAnthropicSystemBlocksToolResultsAndToolInput() throws Exception {
    ObjectNode body =
        json(
            "{'model':'claude','system':[{'type':'text','text':'owner a@b.io'}],'messages':["
                + "{'role':'user','content':'hi c@d.io'},"
                + "{'role':'assistant','content':[{'type':'tool_use','id':'t1','name':'mail',"
                + "'input':{'to':['e@f.io'],'n':1}}]},"
                + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'t1',"
                + "'content':[{'type':'text','text':'sent to g@h.io'}]},"
                + "{'type':'text','text':'thanks'}]}]}");
    PromptGuards guards =
        request(new RequestGuard(MASK_PII, null, null, EnumSet.allOf(ContentScope.class)));
    assertEquals(
        new GuardResult.Allowed(true),
        guards.checkRequest(body, ClientFormat.ANTHROPIC_MESSAGES, Map.of()));
    assertEquals("owner <EMAIL_ADDRESS>", body.at("/system/0/text").asText());
    assertEquals("hi <EMAIL_ADDRESS>", body.at("/messages/0/content").asText());
    assertEquals("<EMAIL_ADDRESS>", body.at("/messages/1/content/0/input/to/0").asText());
    assertEquals(1, body.at("/messages/1/content/0/input/n").asInt());
    assertEquals(
        "sent to <EMAIL_ADDRESS>", body.at("/messages/2/content/0/content/0/text").asText());
  }

  @Test
  void rejectGuardRefusesWithItsRejectionAndLaterGuardsDoNotRun() throws Exception {
    Rejection rejection =
        new Rejection(
            400,
            "{\"error\":\"pii\"}",
            new HeaderEdits(null, Map.of("content-type", "application/json"), null));
    ObjectNode body = json("{'messages':[{'role':'user','content':'my SSN is 123-45-6789'}]}");
    PromptGuards guards =
        request(
            new RequestGuard(
                new RegexRules(RegexAction.REJECT, List.of(RegexRule.of("SSN"))),
                null,
                rejection,
                null),
            new RequestGuard(
                new RegexRules(null, List.of(RegexRule.of(Builtin.SSN))), null, null, null));
    GuardResult result = guards.checkRequest(body, ClientFormat.OPENAI_CHAT, Map.of());
    assertSame(rejection, assertInstanceOf(GuardResult.Rejected.class, result).rejection());
    assertEquals("my SSN is 123-45-6789", body.at("/messages/0/content").asText());
  }

  @Test
  void defaultRejectionIsUpstreams403() throws Exception {
    PromptGuards guards =
        request(
            new RequestGuard(
                new RegexRules(RegexAction.REJECT, List.of(RegexRule.of(Builtin.EMAIL))),
                null,
                null,
                null));
    GuardResult result =
        guards.checkRequest(
            json("{'messages':[{'role':'user','content':'x@y.io'}]}"),
            ClientFormat.OPENAI_CHAT,
            Map.of());
    Rejection r = assertInstanceOf(GuardResult.Rejected.class, result).rejection();
    assertEquals(403, r.status());
    assertEquals("The request was rejected due to inappropriate content", r.body());
  }

  @Test
  void responseGuardsMaskWholeResponsesInBothShapes() throws Exception {
    PromptGuards guards =
        PromptGuards.compile(
            new PromptGuard(false, List.of(), List.of(new ResponseGuard(MASK_PII, null, null))),
            HTTP);
    ObjectNode openAi =
        json("{'choices':[{'index':0,'message':{'role':'assistant','content':'mail a@b.io'}}]}");
    assertEquals(
        new GuardResult.Allowed(true),
        guards.checkResponse(openAi, ClientFormat.OPENAI_CHAT, Map.of()));
    assertEquals("mail <EMAIL_ADDRESS>", openAi.at("/choices/0/message/content").asText());
    ObjectNode anthropic =
        json("{'role':'assistant','content':[{'type':'text','text':'card 4111 1111 1111 1111'}]}");
    guards.checkResponse(anthropic, ClientFormat.ANTHROPIC_MESSAGES, Map.of());
    assertEquals("card <CREDIT_CARD>", anthropic.at("/content/0/text").asText());
    assertNull(guards.newResponseStream(), "streaming is not enabled");
  }

  @Test
  void streamingResponseGuardChainsMaskersAndReportsTheRejection() {
    Rejection blocked = Rejection.of(451, "blocked");
    PromptGuards guards =
        PromptGuards.compile(
            new PromptGuard(
                true,
                List.of(),
                List.of(
                    new ResponseGuard(MASK_PII, null, null),
                    new ResponseGuard(
                        new RegexRules(RegexAction.REJECT, List.of(RegexRule.of("forbidden"))),
                        null,
                        blocked))),
            HTTP);
    StreamingResponseGuard stream = guards.newResponseStream();
    StringBuilder out = new StringBuilder();
    out.append(stream.push("card 4111 1111 ").text());
    out.append(stream.push("1111 1111 done").text());
    out.append(stream.finish().text());
    assertEquals("card <CREDIT_CARD> done", out.toString());

    StreamingResponseGuard second = guards.newResponseStream();
    second.push("this is forbid");
    assertTrue(second.push("den!").rejected());
    assertSame(blocked, second.rejection());
  }
}

package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards and enrichment over OpenAI Responses bodies. */
class ResponsesFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  private static final String REQUEST =
      "{'model':'gpt-4o','instructions':'sys',"
          + "'input':["
          + "{'role':'developer','content':'dev'},"
          + "{'type':'message','role':'user','content':[{'type':'input_text','text':'hi'},"
          + "{'type':'input_image','image_url':'http://x'}]},"
          + "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'yo'}]},"
          + "{'type':'function_call','call_id':'c1','name':'f','arguments':'{\\'a\\':1}'},"
          + "{'type':'function_call_output','call_id':'c1','output':'result'}]}";

  private static List<String> texts(ObjectNode body, EnumSet<ContentScope> scopes) {
    List<String> seen = new ArrayList<>();
    RequestTexts.rewrite(
        body,
        ClientFormat.OPENAI_RESPONSES,
        scopes,
        (role, text) -> {
          seen.add(role + ":" + text);
          return text;
        });
    return seen;
  }

  @Test
  void requestTextsAreWalkedByScopeInDocumentOrder() throws Exception {
    ObjectNode body = json(REQUEST);
    assertEquals(
        List.of("system:sys", "developer:dev", "user:hi", "assistant:yo"),
        texts(body, EnumSet.of(ContentScope.SYSTEM_PROMPT, ContentScope.MESSAGES)));
    assertEquals(
        List.of("assistant:{\"a\":1}", "tool:result"),
        texts(body, EnumSet.of(ContentScope.TOOL_INPUT, ContentScope.TOOL_OUTPUT)));
    assertEquals(
        List.of("user:plain"), texts(json("{'input':'plain'}"), EnumSet.allOf(ContentScope.class)));
  }

  @Test
  void requestGuardMasksAndRejectsResponsesInput() throws Exception {
    PromptGuards mask =
        PromptGuards.compile(
            new PromptGuard(
                false,
                List.of(
                    new RequestGuard(
                        new RegexRules(RegexAction.MASK, List.of(RegexRule.of(Builtin.EMAIL))),
                        null,
                        null,
                        null)),
                List.of()),
            HttpClient.newHttpClient());
    ObjectNode body =
        json("{'input':[{'role':'user','content':[{'type':'input_text','text':'to a@b.io'}]}]}");
    assertEquals(
        new GuardResult.Allowed(true),
        mask.checkRequest(body, ClientFormat.OPENAI_RESPONSES, java.util.Map.of()));
    assertEquals("to <EMAIL_ADDRESS>", body.at("/input/0/content/0/text").asText());

    PromptGuards reject =
        PromptGuards.compile(
            new PromptGuard(
                false,
                List.of(
                    new RequestGuard(
                        new RegexRules(RegexAction.REJECT, List.of(RegexRule.of("secret"))),
                        null,
                        null,
                        null)),
                List.of()),
            HttpClient.newHttpClient());
    assertInstanceOf(
        GuardResult.Rejected.class,
        reject.checkRequest(
            json("{'instructions':'the secret'}"),
            ClientFormat.OPENAI_RESPONSES,
            java.util.Map.of()));
  }

  @Test
  void responseTextsAreTheOutputTextParts() throws Exception {
    ObjectNode body =
        json(
            "{'output':[{'type':'reasoning','summary':[]},"
                + "{'type':'message','role':'assistant','content':["
                + "{'type':'output_text','text':'mail a@b.io'},{'type':'refusal','refusal':'no'}]}]}");
    boolean changed =
        ResponseTexts.rewrite(
            body, ClientFormat.OPENAI_RESPONSES, (role, text) -> role + ":" + text.length());
    assertEquals(true, changed);
    assertEquals("assistant:11", body.at("/output/1/content/0/text").asText());
    assertEquals("no", body.at("/output/1/content/1/refusal").asText());
  }

  @Test
  void enrichmentAddsInputMessageItemsAroundAStringOrList() throws Exception {
    PromptEnrichment prompts =
        new PromptEnrichment(
            List.of(new ChatMessage("system", "first")), List.of(new ChatMessage("user", "last")));
    ObjectNode fromString = json("{'input':'hello'}");
    prompts.apply(fromString, ClientFormat.OPENAI_RESPONSES);
    assertEquals(
        json(
            "{'input':[{'role':'system','content':'first','type':'message'},"
                + "{'role':'user','content':'hello'},"
                + "{'role':'user','content':'last','type':'message'}]}"),
        fromString);
    ObjectNode fromList = json("{'input':[{'type':'function_call_output','output':'r'}]}");
    prompts.apply(fromList, ClientFormat.OPENAI_RESPONSES);
    assertEquals(3, fromList.get("input").size());
    assertEquals("function_call_output", fromList.at("/input/1/type").asText());
  }
}

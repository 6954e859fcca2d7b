package dev.agentgateway.proxy.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.agentgateway.proxy.a2a.A2aRequests.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class A2aRequestsTest {
  private static String method(String body) {
    byte[] bytes = body.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    return A2aRequests.jsonRpcMethod(bytes, bytes.length);
  }

  @Test
  void aGetOfEitherWellKnownCardPathIsACardRequest() {
    assertEquals(
        Kind.AGENT_CARD, A2aRequests.classify("GET", "/a/.well-known/agent-card.json", null));
    assertEquals(Kind.AGENT_CARD, A2aRequests.classify("GET", "/.well-known/agent.json", null));
    assertEquals(Kind.OTHER, A2aRequests.classify("GET", "/a/.well-known/agent-card.json/x", null));
    assertEquals(Kind.OTHER, A2aRequests.classify("HEAD", "/.well-known/agent.json", null));
    assertEquals(Kind.OTHER, A2aRequests.classify("GET", "/tasks/1", "application/json"));
  }

  @Test
  void aPostWithAJsonBodyIsACall() {
    assertEquals(Kind.CALL, A2aRequests.classify("POST", "/a", "application/json"));
    assertEquals(Kind.CALL, A2aRequests.classify("POST", "/a", "Application/JSON; charset=utf-8"));
    assertEquals(Kind.CALL, A2aRequests.classify("POST", "/a", "application/a2a+json"));
    assertEquals(Kind.OTHER, A2aRequests.classify("POST", "/a", "text/plain"));
    assertEquals(Kind.OTHER, A2aRequests.classify("POST", "/a", null));
  }

  @Test
  void readsTheMethodWhereverItIsInTheObject() {
    assertEquals("message/send", method("{'jsonrpc':'2.0','id':1,'method':'message/send'}"));
    assertEquals(
        "SendStreamingMessage",
        method(
            "{'params':{'method':'nested','a':[1,{'b':2}]},'id':'x','method':'SendStreamingMessage'}"));
  }

  @Test
  void findsTheMethodInABodyCutOffAfterIt() {
    assertEquals("tasks/get", method("{'jsonrpc':'2.0','method':'tasks/get','params':{'id':'abc"));
  }

  @Test
  void reportsNoMethodWhenTheBodyHasNone() {
    assertNull(method("{'jsonrpc':'2.0','params':{'message':'cut off before the meth"));
    assertNull(method("[{'method':'message/send'}]"));
    assertNull(method("{'method':42}"));
    assertNull(method("not json"));
    assertNull(A2aRequests.jsonRpcMethod(new byte[0], 0));
  }
}

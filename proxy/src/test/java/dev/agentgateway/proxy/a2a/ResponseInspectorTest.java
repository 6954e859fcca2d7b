package dev.agentgateway.proxy.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import dev.agentgateway.proxy.telemetry.RequestLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResponseInspectorTest {
  private static Map<String, Object> inspect(boolean sse, String body, int chunk) {
    ResponseInspector inspector = new ResponseInspector(new JsonFactory(), sse);
    byte[] bytes = body.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += chunk) {
      inspector.bytes(bytes, i, Math.min(chunk, bytes.length - i));
    }
    List<RequestLog.Field> fields = inspector.fields();
    return fields.stream()
        .collect(Collectors.toMap(RequestLog.Field::key, RequestLog.Field::value));
  }

  @Test
  void readsAV03TaskResult() {
    String body =
        "{'jsonrpc':'2.0','id':1,'result':{'kind':'task','id':'t','history':[{'kind':'message',"
            + "'status':{'state':'not-this'}}],'status':{'state':'completed'}}}";
    assertEquals(
        Map.of(
            "a2a.task.state", "completed",
            "a2a.result.kind", "task",
            "a2a.response.outcome", "success"),
        inspect(false, body, 7));
  }

  @Test
  void readsAV10TaskResult() {
    String body =
        "{'jsonrpc':'2.0','id':1,'result':{'task':{'id':'t','artifacts':[{'parts':[{'text':'x'}]}],"
            + "'status':{'state':'TASK_STATE_INPUT_REQUIRED'}}}}";
    assertEquals(
        Map.of(
            "a2a.task.state", "TASK_STATE_INPUT_REQUIRED",
            "a2a.result.kind", "task",
            "a2a.response.outcome", "success"),
        inspect(false, body, 1));
  }

  @Test
  void readsAJsonRpcError() {
    String body = "{'jsonrpc':'2.0','id':1,'error':{'code':-32001,'message':'Task not found'}}";
    assertEquals(
        Map.of("a2a.response.outcome", "error", "a2a.response.error_code", -32001L),
        inspect(false, body, 5));
  }

  @Test
  void takesTheLastEventOfAV10StreamReadByteByByte() {
    String body =
        "data: {'jsonrpc':'2.0','id':1,'result':{'task':{'status':{'state':'TASK_STATE_SUBMITTED'}}}}\n\n"
            + ": a comment\r\n"
            + "event: message\n"
            + "data: {'jsonrpc':'2.0','id':1,'result':{'artifactUpdate':{'artifact':{}}}}\n\n"
            + "data: {'jsonrpc':'2.0','id':1,\n"
            + "data: 'result':{'statusUpdate':{'status':{'state':'TASK_STATE_COMPLETED'}}}}\n\n";
    assertEquals(
        Map.of(
            "a2a.task.state", "TASK_STATE_COMPLETED",
            "a2a.result.kind", "statusUpdate",
            "a2a.response.outcome", "success"),
        inspect(true, body, 1));
  }

  @Test
  void readsAV03StreamInLargeChunks() {
    String body =
        "data: {'result':{'kind':'task','status':{'state':'submitted'}}}\r\n\r\n"
            + "data:{'result':{'kind':'status-update','status':{'state':'working'},'final':false}}\r\n\r\n"
            + "data: {'result':{'kind':'artifact-update','artifact':{'parts':[]}}}\r\n\r\n";
    assertEquals(
        Map.of(
            "a2a.task.state", "working",
            "a2a.result.kind", "artifact-update",
            "a2a.response.outcome", "success"),
        inspect(true, body, 4096));
  }

  @Test
  void aBrokenEventDoesNotStopTheNextOne() {
    String body = "data: not json\n\n" + "data: {'error':{'code':-32603,'message':'boom'}}\n\n";
    assertEquals(
        Map.of("a2a.response.outcome", "error", "a2a.response.error_code", -32603L),
        inspect(true, body, 3));
  }

  @Test
  void logsNothingForABodyThatIsNotJsonRpc() {
    assertEquals(Map.of(), inspect(false, "<html>oops</html>", 4));
    assertEquals(Map.of(), inspect(false, "[{'result':{'kind':'task'}}]", 4));
  }
}

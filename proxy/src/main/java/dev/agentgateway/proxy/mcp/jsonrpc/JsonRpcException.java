package dev.agentgateway.proxy.mcp.jsonrpc;

/** Input that is not valid JSON-RPC, with the error code and message to answer it with. */
public final class JsonRpcException extends Exception {
  private final int code;

  public JsonRpcException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The JSON-RPC error code, one of {@link JsonRpcErrors}. */
  public int code() {
    return code;
  }
}

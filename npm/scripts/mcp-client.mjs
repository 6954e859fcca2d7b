// A real MCP client (@modelcontextprotocol/sdk) that tours a server and prints one JSON object
// with what it saw, for the Java end-to-end tests.
//   node mcp-client.mjs <streamable|sse> <url> [toolPrefix] [sessionFile]
// toolPrefix is what the gateway puts before the reference server's names ("" when unprefixed).
// With a sessionFile the streamable session id is written there and the client exits without
// closing the session; "resume:<sessionFile>" as transport resumes it.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { CreateMessageRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { readFileSync, writeFileSync } from "node:fs";

const [mode, url, prefix = "", sessionFile] = process.argv.slice(2);
const out = {};
const client = new Client(
  { name: "e2e-client", version: "1.0.0" },
  { capabilities: { sampling: {} } },
);
client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
  model: "stand-in",
  role: "assistant",
  content: { type: "text", text: "sampled: " + request.params.messages[0].content.text },
}));

let transport;
if (mode === "sse") {
  transport = new SSEClientTransport(new URL(url));
} else if (mode.startsWith("resume:")) {
  const sessionId = readFileSync(mode.slice("resume:".length), "utf8").trim();
  transport = new StreamableHTTPClientTransport(new URL(url), { sessionId });
} else {
  transport = new StreamableHTTPClientTransport(new URL(url));
}

try {
  // With a session id already set the SDK skips initialize: a resumed session must then be
  // known to the gateway from its id alone.
  await client.connect(transport);
  if (process.env.MCP_CLIENT_TRACE) {
    const deliver = transport.onmessage;
    transport.onmessage = (m, extra) => {
      process.stderr.write("RECV " + JSON.stringify(m).slice(0, 160) + "\n");
      deliver(m, extra);
    };
  }
  out.server = client.getServerVersion() ?? null;
  const tools = await client.listTools();
  out.tools = tools.tools.map((t) => t.name).sort();
  const echo = await client.callTool({ name: prefix + "echo", arguments: { message: "hi there" } });
  out.echo = echo.content[0].text;
  const sum = await client.callTool({ name: prefix + "get-sum", arguments: { a: 2, b: 3 } });
  out.sum = sum.content[0].text;
  const progress = [];
  const long = await client.callTool(
    { name: prefix + "trigger-long-running-operation", arguments: { duration: 1, steps: 3 } },
    undefined,
    { onprogress: (p) => progress.push(p.progress) },
  );
  out.longRunning = long.content[0].text;
  out.progress = progress;
  if (out.tools.includes(prefix + "trigger-sampling-request")) {
    const sampled = await client.callTool({
      name: prefix + "trigger-sampling-request",
      arguments: { prompt: "ping", maxTokens: 10 },
    });
    out.sampling = JSON.stringify(sampled.content);
  }
  const prompts = await client.listPrompts();
  out.prompts = prompts.prompts.map((p) => p.name).sort();
  const prompt = await client.getPrompt({ name: prefix + "simple-prompt" });
  out.prompt = prompt.messages[0].content.text;
  const resources = await client.listResources();
  out.resources = resources.resources.map((r) => r.uri).sort();
  if (out.resources.length > 0) {
    const read = await client.readResource({ uri: out.resources[0] });
    out.read = read.contents[0].uri;
  }
  if (sessionFile) {
    writeFileSync(sessionFile, transport.sessionId ?? "");
  } else {
    await client.close();
  }
  out.ok = true;
} catch (e) {
  out.ok = false;
  out.error = String(e && e.stack ? e.stack : e);
}
process.stdout.write(JSON.stringify(out) + "\n");
process.exit(0);

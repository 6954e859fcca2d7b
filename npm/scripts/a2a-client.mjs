// A real A2A client (@a2a-js/sdk) for the gateway's tests.
// Usage: node scripts/a2a-client.mjs <agentBaseUrl> <1.0|0.3>
// Fetches the agent card from <agentBaseUrl>/.well-known/agent-card.json, then sends one message
// and streams another through the endpoint the card names (v1.0: ClientFactory; v0.3: the legacy
// JSON-RPC transport, i.e. message/send and message/stream). Prints one JSON object on stdout.
import { ClientFactory } from '@a2a-js/sdk/client';
import { LegacyJsonRpcTransport } from '@a2a-js/sdk/compat/v0_3/client';

const [base, version = '1.0'] = process.argv.slice(2);
const message = (text) => ({
  message: { messageId: crypto.randomUUID(), role: 1, parts: [{ content: { $case: 'text', value: text } }] },
});

const summarize = (event) => {
  const p = event.payload ?? { $case: event.kind, value: event };
  const value = p.value ?? {};
  return { kind: p.$case, state: value.status?.state ?? null };
};

const out = { version };
const cardResponse = await fetch(`${base}/.well-known/agent-card.json`,
  { headers: version === '1.0' ? { 'A2A-Version': '1.0' } : {} });
out.card = await cardResponse.json();

let client;
if (version === '0.3') {
  client = new LegacyJsonRpcTransport({ endpoint: out.card.url });
} else {
  client = await new ClientFactory().createFromUrl(`${base}/.well-known/agent-card.json`, '');
}
const sent = await client.sendMessage(message('hello'));
const task = sent.payload?.value ?? sent;
out.send = {
  kind: sent.payload?.$case ?? (task.status ? 'task' : 'message'),
  state: task.status?.state ?? null,
  artifacts: (task.artifacts ?? []).flatMap((a) => a.parts.map((p) => p.content?.value ?? p.text)),
};
out.stream = [];
for await (const event of client.sendMessageStream(message('streamed'))) {
  out.stream.push(summarize(event));
}
console.log(JSON.stringify(out));

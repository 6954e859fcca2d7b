// A real A2A agent (@a2a-js/sdk, v1.0 with the v0.3 compat layer) for the gateway's tests.
// Usage: node scripts/a2a-server.mjs <port> [basePath]
// Serves the card at <basePath>/.well-known/agent-card.json (and agent.json) and JSON-RPC at
// <basePath>/jsonrpc; the card advertises its own address, as a real agent behind a gateway does.
// Prints "listening <port>" on stdout once ready.
import express from 'express';
import { TaskState, Role } from '@a2a-js/sdk';
import { DefaultRequestHandler, InMemoryTaskStore } from '@a2a-js/sdk/server';
import { agentCardHandler, jsonRpcHandler, UserBuilder } from '@a2a-js/sdk/server/express';

const port = Number(process.argv[2] ?? 0);
const base = (process.argv[3] ?? '').replace(/\/$/, '');
const self = `http://127.0.0.1:${port}${base}`;

const card = {
  name: 'echo agent',
  description: 'Echoes the text it is sent, as a task with one artifact.',
  supportedInterfaces: [
    { url: `${self}/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '1.0' },
    { url: `${self}/jsonrpc`, protocolBinding: 'JSONRPC', tenant: '', protocolVersion: '0.3' },
  ],
  provider: { organization: 'agentgateway tests', url: 'https://example.com/tests' },
  version: '1.0.0',
  capabilities: { streaming: true, pushNotifications: false, extensions: [] },
  securitySchemes: {},
  securityRequirements: [],
  defaultInputModes: ['text/plain'],
  defaultOutputModes: ['text/plain'],
  skills: [
    { id: 'echo', name: 'echo', description: 'echoes', tags: ['echo'], examples: [],
      inputModes: [], outputModes: [], securityRequirements: [] },
  ],
  signatures: [],
};

const textOf = (message) =>
  (message?.parts ?? []).map((p) => (p.content?.$case === 'text' ? p.content.value : '')).join('');

const executor = {
  async execute(ctx, bus) {
    const { taskId, contextId } = ctx;
    const text = textOf(ctx.userMessage);
    const status = (state) => ({ state, message: undefined, timestamp: new Date().toISOString() });
    if (!ctx.task) {
      bus.publish({ kind: 'task', data: {
        id: taskId, contextId, status: status(TaskState.TASK_STATE_SUBMITTED), artifacts: [],
        history: [ctx.userMessage], metadata: undefined } });
    }
    bus.publish({ kind: 'statusUpdate', data: {
      taskId, contextId, status: status(TaskState.TASK_STATE_WORKING), metadata: undefined } });
    bus.publish({ kind: 'artifactUpdate', data: {
      taskId, contextId, append: false, lastChunk: true, metadata: undefined,
      artifact: { artifactId: 'echo', name: 'echo', description: '', metadata: undefined,
        extensions: [], parts: [{ content: { $case: 'text', value: `echo: ${text}` },
          metadata: undefined, filename: '', mediaType: 'text/plain' }] } } });
    bus.publish({ kind: 'statusUpdate', data: {
      taskId, contextId, status: status(TaskState.TASK_STATE_COMPLETED), metadata: undefined } });
    bus.finished();
  },
  async cancelTask() {},
};

const handler = new DefaultRequestHandler(card, new InMemoryTaskStore(), executor);
const app = express();
const cards = agentCardHandler({ agentCardProvider: handler, legacyCompat: { enabled: true } });
app.use(`${base}/.well-known/agent-card.json`, cards);
app.use(`${base}/.well-known/agent.json`, cards);
app.use(`${base}/jsonrpc`, jsonRpcHandler({
  requestHandler: handler, userBuilder: UserBuilder.noAuthentication, legacyCompat: { enabled: true } }));
const server = app.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

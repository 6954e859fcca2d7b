// The official OpenAI SDK (openai) as a client for the Java tests: one call, results as JSON on
// stdout (streams: one JSON line per chunk with its arrival time in ms, then a summary line).
//   node openai-client.mjs <baseURL> <mode> [model]
// baseURL includes the version, e.g. http://127.0.0.1:4000/v1. Modes: chat, chat-stream,
// chat-tools, responses, responses-stream, embeddings, models. The key is OPENAI_API_KEY (a dummy
// by default); retries are off so that every failure shows. Errors print {"error": {...}}, exit 2.
import OpenAI from "openai";

const [baseURL, mode, model = "gpt-4o-mini"] = process.argv.slice(2);
const client = new OpenAI({
  baseURL,
  apiKey: process.env.OPENAI_API_KEY ?? "sk-standin",
  maxRetries: 0,
  timeout: Number(process.env.CLIENT_TIMEOUT_MS ?? 30000),
});
const messages = [{ role: "user", content: "Say hello." }];
const tools = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Current weather for a location",
      parameters: {
        type: "object",
        properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
        required: ["location"],
      },
    },
  },
];
const print = (value) => process.stdout.write(JSON.stringify(value) + "\n");

async function run() {
  switch (mode) {
    case "chat": {
      const r = await client.chat.completions.create({ model, messages });
      return print({ model: r.model, content: r.choices[0].message.content, finish_reason: r.choices[0].finish_reason, usage: r.usage });
    }
    case "chat-tools": {
      const r = await client.chat.completions.create({ model, messages, tools });
      const m = r.choices[0].message;
      return print({
        model: r.model,
        finish_reason: r.choices[0].finish_reason,
        tool_calls: m.tool_calls.map((c) => ({ id: c.id, name: c.function.name, arguments: JSON.parse(c.function.arguments) })),
        usage: r.usage,
      });
    }
    case "chat-stream": {
      const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
      let text = "";
      let usage = null;
      let finish = null;
      for await (const chunk of stream) {
        print({ t: Date.now(), chunk });
        const choice = chunk.choices[0];
        if (choice?.delta?.content) text += choice.delta.content;
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
      }
      return print({ done: true, text, finish_reason: finish, usage });
    }
    case "responses": {
      const r = await client.responses.create({ model, input: "Tell me a one-sentence story about a unicorn." });
      return print({ model: r.model, status: r.status, output_text: r.output_text, usage: r.usage });
    }
    case "responses-stream": {
      const stream = await client.responses.create({ model, input: "Tell me a one-sentence story about a unicorn.", stream: true });
      let text = "";
      let usage = null;
      for await (const event of stream) {
        print({ t: Date.now(), type: event.type });
        if (event.type === "response.output_text.delta") text += event.delta;
        if (event.type === "response.completed") usage = event.response.usage;
      }
      return print({ done: true, text, usage });
    }
    case "embeddings": {
      const r = await client.embeddings.create({ model: model === "gpt-4o-mini" ? "text-embedding-3-small" : model, input: "hello" });
      return print({ model: r.model, dimensions: r.data[0].embedding.length, first: r.data[0].embedding[0], usage: r.usage });
    }
    case "models": {
      const ids = [];
      for await (const m of client.models.list()) ids.push(m.id);
      return print({ models: ids });
    }
    default:
      throw new Error("unknown mode " + mode);
  }
}

try {
  await run();
} catch (e) {
  print({ error: { status: e.status ?? null, name: e.constructor?.name, message: e.message, type: e.error?.type ?? null } });
  process.exit(2);
}

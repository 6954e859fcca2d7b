// The official Anthropic SDK (@anthropic-ai/sdk) as a client for the Java tests: one call, results
// as JSON on stdout (streams: one JSON line per event with its arrival time in ms, then a summary).
//   node anthropic-client.mjs <baseURL> <mode> [model]
// baseURL has no version, e.g. http://127.0.0.1:4000. Modes: messages, messages-stream,
// count-tokens. The key is ANTHROPIC_API_KEY (a dummy by default); retries are off. Errors print
// {"error": {...}} and exit 2.
import Anthropic from "@anthropic-ai/sdk";

const [baseURL, mode, model = "claude-sonnet-4-5"] = process.argv.slice(2);
const client = new Anthropic({
  baseURL,
  apiKey: process.env.ANTHROPIC_API_KEY ?? "sk-ant-standin",
  maxRetries: 0,
  timeout: Number(process.env.CLIENT_TIMEOUT_MS ?? 30000),
});
const messages = [{ role: "user", content: "Say hello." }];
const print = (value) => process.stdout.write(JSON.stringify(value) + "\n");

async function run() {
  switch (mode) {
    case "messages": {
      const r = await client.messages.create({ model, max_tokens: 256, messages });
      return print({ model: r.model, text: r.content.filter((c) => c.type === "text").map((c) => c.text).join(""), stop_reason: r.stop_reason, usage: r.usage });
    }
    case "messages-stream": {
      const stream = client.messages.stream({ model, max_tokens: 256, messages });
      for await (const event of stream) {
        print({ t: Date.now(), type: event.type });
      }
      const final = await stream.finalMessage();
      return print({ done: true, model: final.model, text: final.content.filter((c) => c.type === "text").map((c) => c.text).join(""), stop_reason: final.stop_reason, usage: final.usage });
    }
    case "count-tokens": {
      const r = await client.messages.countTokens({ model, messages });
      return print({ input_tokens: r.input_tokens });
    }
    default:
      throw new Error("unknown mode " + mode);
  }
}

try {
  await run();
} catch (e) {
  print({ error: { status: e.status ?? null, name: e.constructor?.name, message: e.message, type: e.error?.error?.type ?? null } });
  process.exit(2);
}

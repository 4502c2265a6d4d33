import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { tools } from './tools';

const SYSTEM_PROMPT = 'You are a travel assistant. Use the tools to plan and book trips.';

/** One agent run: the model calls tools until it answers (at most 6 steps). */
export async function planTrip(request: string) {
  const result = await generateText({
    model: openai('gpt-4o-mini'),
    system: SYSTEM_PROMPT,
    prompt: request,
    tools,
    stopWhen: stepCountIs(6),
    experimental_telemetry: { isEnabled: true, functionId: 'travel-agent' },
  });
  return result.text;
}

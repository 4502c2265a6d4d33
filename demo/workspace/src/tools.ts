import { tool } from 'ai';
import { z } from 'zod';

/** Looks up the forecast for a city (handler of the `get_weather` tool). */
export async function getWeather({ city }: { city: string }) {
  return { city, forecast: 'sunny', highC: 24 };
}

/** Searches flights (handler of the `search_flights` tool). */
export async function searchFlights({ from, to, date }: { from: string; to: string; date: string }) {
  return { flights: [{ id: 'TP1351', from, to, date, priceEur: 142 }] };
}

/** Books a hotel room (handler of the `book_hotel` tool). Fails when no rooms are left. */
export async function bookHotel({ city, nights }: { city: string; nights: number }): Promise<{ confirmation: string }> {
  throw new Error(`no rooms available in ${city} for ${nights} nights`);
}

export const tools = {
  get_weather: tool({ description: 'Get the weather forecast for a city', inputSchema: z.object({ city: z.string() }), execute: getWeather }),
  search_flights: tool({ description: 'Search flights between two cities on a date', inputSchema: z.object({ from: z.string(), to: z.string(), date: z.string() }), execute: searchFlights }),
  book_hotel: tool({ description: 'Book a hotel room in a city', inputSchema: z.object({ city: z.string(), nights: z.number() }), execute: bookHotel }),
};

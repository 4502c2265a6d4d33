import { describe, expect, it } from 'vitest';
import { identifierVariants, nameVariants } from '../../../src/core/analyze/source/names';

describe('tool name variants', () => {
  it('spells snake_case names in camelCase, PascalCase and kebab-case', () => {
    expect(nameVariants('get_weather')).toEqual(['get_weather', 'getWeather', 'GetWeather', 'get-weather']);
  });

  it('spells camelCase names in snake_case', () => {
    expect(nameVariants('searchFlights')).toEqual(['searchFlights', 'search_flights', 'SearchFlights', 'search-flights']);
  });

  it('keeps only identifiers for code search', () => {
    expect(identifierVariants('fetch-page')).toEqual(['fetchPage', 'fetch_page', 'FetchPage']);
  });
});

// negotiator ships no types and @types/negotiator is not installed; this is the one call we use.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    languages(available?: string[]): string[];
  }
}

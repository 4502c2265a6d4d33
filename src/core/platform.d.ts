/**
 * The few web-standard globals core may use. They exist in Node ≥ 18, browsers and VS Code's
 * extension host alike; declaring them here (instead of pulling in lib "DOM" or @types/node)
 * keeps core honest about being platform-neutral.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;

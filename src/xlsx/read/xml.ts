import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import { DeclaresEntities } from "./limits";

/** An element as the readers see it: local name, namespace URI, attributes by local name and URI. */
export type Element = {
  local: string;
  uri: string;
  /** An attribute without a namespace (the usual case: r, t, s …). */
  attr(local: string): string | undefined;
  /** An attribute in one of the given namespaces (r:id). */
  attrIn(local: string, accept: (uri: string) => boolean): string | undefined;
};

export type XmlHandler = {
  open(element: Element): void;
  close(local: string, uri: string): void;
  /** Character data (text and CDATA), for the elements that asked to collect it. */
  text?(text: string): void;
};

function elementOf(tag: SaxesTagNS): Element {
  const attributes = tag.attributes as Record<string, SaxesAttributeNS>;
  return {
    local: tag.local,
    uri: tag.uri,
    attr(local) {
      // Unprefixed attributes are keyed by their plain name.
      const a = attributes[local];
      return a !== undefined && a.uri === "" ? a.value : undefined;
    },
    attrIn(local, accept) {
      for (const key in attributes) {
        const a = attributes[key];
        if (a !== undefined && a.local === local && accept(a.uri)) return a.value;
      }
      return undefined;
    },
  };
}

/** Text decoded from the part's bytes as they arrive: UTF-8, or UTF-16 where a byte-order mark says so. */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * A namespace-aware push parser for one part: feed it chunks of bytes, then end it. A document
 * type declaration stops it (no entity is ever expanded); malformed XML throws.
 */
export class XmlPart {
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private decoder: TextDecoder | null = null;

  constructor(
    readonly name: string,
    handler: XmlHandler,
  ) {
    const p = this.parser;
    // Thrown from a handler, an error leaves write() at once: nothing after it is parsed.
    p.on("doctype", () => {
      throw new DeclaresEntities(name);
    });
    p.on("error", (error) => {
      throw error;
    });
    p.on("opentag", (tag) => handler.open(elementOf(tag as SaxesTagNS)));
    p.on("closetag", (tag) => handler.close(tag.local ?? tag.name, (tag as SaxesTagNS).uri));
    const text = handler.text;
    if (text !== undefined) {
      p.on("text", text);
      p.on("cdata", text);
    }
  }

  write(chunk: Uint8Array): void {
    this.decoder ??= decoderFor(chunk);
    this.parser.write(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.parser.write((this.decoder ?? new TextDecoder()).decode());
    this.parser.close();
  }
}

import { SaxesParser } from "saxes";

/** A namespace-aware element tree, enough to check a manifest's structure. */
export type XmlElement = {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  local: string;
  uri: string;
  /** Attributes by qualified name, e.g. "DefaultValue", "xsi:type". */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its descendants'), trimmed. */
  text: string;
  line: number;
};

/** Parses a whole document with saxes (strict, namespace-aware); throws on any well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.name] = attribute.value;
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      text: "",
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on("text", (text) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text = (current.text + text).trim();
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (root === undefined) throw new Error("the document has no root element");
  return root;
}

/** Every element of the tree, depth first, the root included. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The children with the given local name. */
export function childrenNamed(parent: XmlElement, local: string): XmlElement[] {
  return parent.children.filter((child) => child.local === local);
}

/** The only child with the given local name; throws if there is none or more than one. */
export function onlyChild(parent: XmlElement, local: string): XmlElement {
  const found = childrenNamed(parent, local);
  if (found.length !== 1 || found[0] === undefined) {
    throw new Error(`<${parent.name}> (line ${parent.line}) has ${found.length} <${local}> children, expected 1`);
  }
  return found[0];
}

/** Follows a path of local names from parent, each step taking the only such child. */
export function path(parent: XmlElement, ...locals: string[]): XmlElement {
  return locals.reduce(onlyChild, parent);
}

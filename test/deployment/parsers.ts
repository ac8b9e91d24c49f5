import { DockerfileParser } from 'dockerfile-ast';

/**
 * Small readers for the deployment files the compose test checks: Dockerfiles (through
 * dockerfile-ast, the parser behind VS Code's Dockerfile support), nginx configuration and
 * .dockerignore (both tiny formats, read here).
 */

export interface Instruction {
  keyword: string;
  /** The arguments without flags, as written (shell form split on whitespace). */
  args: string[];
  flags: Record<string, string | null>;
  /** CMD, ENTRYPOINT and HEALTHCHECK CMD in exec (JSON) form; undefined in shell form. */
  exec?: string[];
  /** ENV and ARG names. */
  names: string[];
  /** HEALTHCHECK's CMD or NONE. */
  subcommand?: string;
  text: string;
}

export interface Stage {
  name: string | null;
  image: string;
  imageName: string;
  tag: string | null;
  digest: string | null;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const keyword = instruction.getKeyword();
    const record: Instruction = {
      keyword,
      args: instruction.getArguments().map((arg) => arg.getValue()),
      flags: {},
      names: [],
      text: instruction.getArgumentsContent() ?? '',
    };
    if ('getFlags' in instruction && typeof instruction.getFlags === 'function')
      for (const flag of instruction.getFlags() as { getName(): string; getValue(): string }[])
        record.flags[flag.getName()] = flag.getValue();
    if ('getProperties' in instruction && typeof instruction.getProperties === 'function')
      record.names = (instruction.getProperties() as { getName(): string }[]).map((p) =>
        p.getName(),
      );
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') record.exec = execForm(record.text);
    if (keyword === 'HEALTHCHECK') {
      const [, subcommand, rest] = /^(\S+)\s*([\s\S]*)$/.exec(record.text) ?? [];
      record.subcommand = subcommand?.toUpperCase();
      record.exec = execForm(rest ?? '');
    }
    if (keyword === 'FROM') {
      const [image = '', as, name] = record.args;
      const [, imageName = image, digest] = /^([^@]+)(?:@(.+))?$/.exec(image) ?? [];
      const colon = imageName.lastIndexOf(':');
      const hasTag = colon > imageName.lastIndexOf('/');
      stages.push({
        name: as?.toUpperCase() === 'AS' && name ? name : null,
        image,
        imageName: hasTag ? imageName.slice(0, colon) : imageName,
        tag: hasTag ? imageName.slice(colon + 1) : null,
        digest: digest ?? null,
        instructions: [],
      });
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${keyword} before the first FROM`);
    stage.instructions.push(record);
  }
  return stages;
}

function execForm(text: string): string[] | undefined {
  if (!text.trim().startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')
    ? parsed
    : undefined;
}

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** nginx's configuration syntax: directives with arguments, `;` or a `{ … }` block. */
export function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charAt(i);
    if (/\s/.test(c)) i += 1;
    else if (c === '#') while (i < text.length && text.charAt(i) !== '\n') i += 1;
    else if (c === '{' || c === '}' || c === ';') {
      tokens.push(c);
      i += 1;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error('unterminated quote in nginx configuration');
      tokens.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      let word = '';
      while (i < text.length && !/[\s{};]/.test(text.charAt(i))) {
        // ${name} is one of nginx's variables, not a block.
        if (text.startsWith('${', i)) {
          const end = text.indexOf('}', i);
          word += text.slice(i, end + 1);
          i = end + 1;
        } else {
          word += text.charAt(i);
          i += 1;
        }
      }
      tokens.push(word);
    }
  }
  let position = 0;
  const block = (nested: boolean): Directive[] => {
    const directives: Directive[] = [];
    while (position < tokens.length) {
      if (tokens[position] === '}') {
        if (!nested) throw new Error('unbalanced } in nginx configuration');
        position += 1;
        return directives;
      }
      const words: string[] = [];
      while (position < tokens.length && !['{', '}', ';'].includes(tokens[position] ?? ''))
        words.push(tokens[position++] ?? '');
      const [name, ...args] = words;
      const end = tokens[position++];
      if (!name || !end || end === '}') throw new Error(`directive without ; near ${name}`);
      directives.push(end === '{' ? { name, args, block: block(true) } : { name, args });
    }
    if (nested) throw new Error('unclosed { in nginx configuration');
    return directives;
  };
  return block(false);
}

/** The location nginx picks for a path: exact, then ^~ prefix, then regex, then prefix. */
export function matchLocation(server: Directive[], path: string): Directive | undefined {
  const locations = server.filter((d) => d.name === 'location');
  const modifier = (d: Directive) => (d.args.length > 1 ? d.args[0] : '');
  const pattern = (d: Directive) => d.args.at(-1) ?? '';
  const exact = locations.find((d) => modifier(d) === '=' && pattern(d) === path);
  if (exact) return exact;
  const prefix = locations
    .filter((d) => ['', '^~'].includes(modifier(d) ?? '') && path.startsWith(pattern(d)))
    .sort((a, b) => pattern(b).length - pattern(a).length)[0];
  if (prefix && modifier(prefix) === '^~') return prefix;
  const regex = locations.find(
    (d) =>
      (modifier(d) === '~' && new RegExp(pattern(d)).test(path)) ||
      (modifier(d) === '~*' && new RegExp(pattern(d), 'i').test(path)),
  );
  return regex ?? prefix;
}

/** Whether .dockerignore keeps a path (relative to the context) out of the build context. */
export function dockerIgnored(patterns: string[], path: string): boolean {
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(
      `^${pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^$()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*')}(/.*)?$`,
    );
    if (regex.test(path)) ignored = !negated;
  }
  return ignored;
}

export function readDockerignore(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

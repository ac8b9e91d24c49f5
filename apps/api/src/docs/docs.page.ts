type Json = Record<string, unknown>;

const escape = (text: unknown): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function describeSchema(schema: Json | undefined): string {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (typeof schema.pattern === 'string')
    return `${typeof schema.type === 'string' ? schema.type : 'string'} (mönster)`;
  if (Array.isArray(schema.anyOf)) return 'flera typer';
  return typeof schema.type === 'string' ? schema.type : 'valfri';
}

function renderOperation(path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const responses = Object.entries((op.responses as Record<string, Json> | undefined) ?? {});
  const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const bodySchema = body?.['application/json']?.schema as Json | undefined;
  const bodyFields = Object.entries(
    (bodySchema?.properties as Record<string, Json> | undefined) ?? {},
  );
  const required = new Set((bodySchema?.required as string[] | undefined) ?? []);
  return `<section class="op">
  <h3><span class="m ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
  <p>${escape(op.summary)}${Array.isArray(op.security) && op.security.length === 0 ? ' <em>(ingen inloggning)</em>' : ''}</p>
  ${
    params.length
      ? `<table><tr><th>Parameter</th><th>Var</th><th>Typ</th><th>Krävs</th></tr>${params
          .map(
            (p) =>
              `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${escape(describeSchema(p.schema as Json))}</td><td>${p.required ? 'ja' : 'nej'}</td></tr>`,
          )
          .join('')}</table>`
      : ''
  }
  ${
    bodyFields.length
      ? `<table><tr><th>Fält i kroppen</th><th>Typ</th><th>Krävs</th></tr>${bodyFields
          .map(
            ([name, s]) =>
              `<tr><td><code>${escape(name)}</code></td><td>${escape(describeSchema(s))}</td><td>${required.has(name) ? 'ja' : 'nej'}</td></tr>`,
          )
          .join('')}</table>`
      : ''
  }
  <p class="st">${responses.map(([status, r]) => `<b>${escape(status)}</b> ${escape(r.description)}`).join(' · ')}</p>
</section>`;
}

/** A readable, script-free page generated from the OpenAPI document. */
export function renderDocsPage(document: Json): string {
  const info = document.info as Json;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(
    document.paths as Record<string, Record<string, Json>>,
  ))
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags as string[] | undefined)?.[0] ?? 'Övrigt';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(path, method, op)]);
    }
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>${escape(info.title)} – API</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code{background:#f2f2f2;padding:0 .2rem}.op{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:3.5rem;font-size:.8rem;color:#fff;padding:.1rem .4rem;border-radius:.2rem}
.get{background:#2b6cb0}.post{background:#2f855a}table{border-collapse:collapse;margin:.3rem 0}
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;font-size:.9rem}.st{font-size:.85rem;color:#444}
</style></head><body>
<h1>${escape(info.title)} – API</h1>
<p>${escape(info.description)}</p>
<p>Maskinläsbar beskrivning: <a href="/docs/openapi.json">OpenAPI 3.1 (JSON)</a>. Alla fel svarar
<code>application/problem+json</code> (RFC 9457) och namnger varje felaktigt fält.</p>
${[...byTag.entries()].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`).join('\n')}
</body></html>`;
}

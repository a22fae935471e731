// Renders the tables of chat/PROTOCOL.md from the typed protocol map, so the document cannot
// drift from the code; `npm run protocol:doc` writes them between the markers.
import { format, resolveConfig } from 'prettier';

import {
  CLOSE_CODES,
  ERROR_CODES,
  PROTOCOL,
  PROTOCOL_V1,
  type EventSpecMap,
  type FieldSpec,
  type FieldSpecs,
} from '../../shared/protocol.ts';

export const GENERATED_START = '<!-- protocol:generated:start (npm run protocol:doc) -->';
export const GENERATED_END = '<!-- protocol:generated:end -->';

/** Returns the generated Markdown: events of both versions, close codes and error codes. */
export function renderProtocolTables(): string {
  const sections = [
    '## Event reference',
    '',
    'Every frame is a JSON text frame `{ "type": …, …fields }` unless stated otherwise.',
    '',
    renderEvents(
      'Plain protocol: client → server',
      PROTOCOL.plain.clientToServer,
      'Plain clients send plain text. Every text frame that is not the ping below is a chat message, JSON or not.',
    ),
    renderEvents('Plain protocol: server → client', PROTOCOL.plain.serverToClient),
    renderEvents(`Protocol v1 (\`${PROTOCOL_V1}\`): client → server`, PROTOCOL.v1.clientToServer),
    renderEvents(`Protocol v1 (\`${PROTOCOL_V1}\`): server → client`, PROTOCOL.v1.serverToClient),
    '## Close codes',
    '',
    '| Code | Name | When |',
    '| --- | --- | --- |',
    ...Object.entries(CLOSE_CODES).map(
      ([name, { code, doc }]) => `| ${code} | \`${name}\` | ${cell(doc)} |`,
    ),
    '',
    '## Error codes',
    '',
    '| Code | Where | HTTP status | Meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(ERROR_CODES).map(
      ([code, spec]) =>
        `| \`${code}\` | ${spec.where === 'handshake' ? 'handshake' : '`error` event'} | ${spec.status ?? '–'} | ${cell(spec.doc)} |`,
    ),
    '',
  ];
  return sections.join('\n');
}

function renderEvents(title: string, map: EventSpecMap, note?: string): string {
  const lines = [`### ${title}`, ''];
  if (note) lines.push(note, '');
  for (const [type, spec] of Object.entries(map)) {
    lines.push(`#### \`${type}\``, '', spec.doc, '');
    const rows = fieldRows(spec.fields, '');
    if (rows.length === 0) {
      lines.push('No fields besides `type`.', '');
      continue;
    }
    lines.push(
      '| Field | Type | Required | Description |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    );
  }
  return lines.join('\n');
}

function fieldRows(fields: FieldSpecs, prefix: string): string[] {
  const rows: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    rows.push(
      `| \`${prefix}${name}\` | ${typeName(field)} | ${field.optional ? 'no' : 'yes'} | ${cell(field.doc)} |`,
    );
    if (field.kind === 'object') rows.push(...fieldRows(field.fields, `${prefix}${name}.`));
  }
  return rows;
}

function typeName(field: FieldSpec): string {
  switch (field.kind) {
    case 'string':
      return field.maxLength === undefined ? 'string' : `string (≤ ${field.maxLength})`;
    case 'integer':
      return field.min === undefined ? 'integer' : `integer (≥ ${field.min})`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'error code';
    case 'array':
      return field.items.kind === 'object'
        ? 'array of chat messages'
        : `array of ${typeName(field.items)}`;
    case 'object':
      return 'object';
  }
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** Returns `document` with the text between the markers replaced by `generated`. */
export function spliceGenerated(document: string, generated: string): string {
  const start = document.indexOf(GENERATED_START);
  const end = document.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(
      `PROTOCOL.md lacks the markers ${GENERATED_START} and ${GENERATED_END}; add them where the tables belong`,
    );
  }
  return (
    document.slice(0, start + GENERATED_START.length) +
    '\n\n' +
    generated +
    '\n' +
    document.slice(end)
  );
}

/**
 * Returns the whole document with fresh tables, formatted by Prettier with the repository's
 * settings, so that `npm run lint` and the up-to-date check agree on one text.
 */
export async function renderProtocolDocument(document: string, filePath: string): Promise<string> {
  const options = (await resolveConfig(filePath)) ?? {};
  return format(spliceGenerated(document, renderProtocolTables()), {
    ...options,
    filepath: filePath,
  });
}

// The console's SSE parser on chunk boundaries a network may produce: a "\r\n" split between two chunks is one line
// end, not two (which would end an event early), and a last line without a line end is kept.
// Run by ConsoleBrowserIT: node sse-parser.test.mjs; exit code 0 when every check holds.
import assert from 'node:assert/strict';
import {sseEvents} from '../../main/resources/META-INF/resources/console/js/sse.js';

async function parse(chunks) {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
  const events = [];
  for await (const event of sseEvents({body})) events.push(event);
  return events;
}

const split = await parse(['id: 1\r', '\ndata: {"a":1}\r', '\n\r', '\nid: 2\r\ndata: x\r\n', '\r\n', 'data: tail']);
assert.deepEqual(split.map((e) => [e.id, e.data]), [['1', '{"a":1}'], ['2', 'x'], [null, 'tail']]);

const whole = await parse(['id: 7\ndata: one\ndata: two\n\n: a comment\n\n']);
assert.deepEqual(whole.map((e) => [e.id, e.data]), [['7', 'one\ntwo']]);

console.log('sse-parser: all checks passed');

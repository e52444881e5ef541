// A streaming parser for text/event-stream bodies read with fetch (EventSource cannot POST or send headers).

/**
 * Yields {id, event, data, retry} for each event of the response body as it arrives. Comments (":" lines) and
 * events without data (a priming event carries an id and empty data) are yielded with data === ''.
 */
export async function* sseEvents(response, signal) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = fresh();
  const abort = () => reader.cancel().catch(() => {});
  signal?.addEventListener('abort', abort, {once: true});
  try {
    for (;;) {
      const {value, done} = await reader.read();
      if (done) break;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // A '\r' ending the chunk may be the first half of a '\r\n' split across chunks: wait for the next one.
        if (newline === buffer.length - 1 && buffer[newline] === '\r') break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.hasField) yield finish(event);
          event = fresh();
        } else {
          field(event, line);
        }
      }
    }
    const rest = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
    if (rest !== '') field(event, rest);
    if (event.hasField) yield finish(event);
  } finally {
    signal?.removeEventListener('abort', abort);
    reader.releaseLock?.();
  }
}

function fresh() {
  return {id: null, event: 'message', data: [], retry: null, hasField: false};
}

function field(event, line) {
  if (line.startsWith(':')) return; // a comment: keep-alive
  const colon = line.indexOf(':');
  const name = colon < 0 ? line : line.slice(0, colon);
  let value = colon < 0 ? '' : line.slice(colon + 1);
  if (value.startsWith(' ')) value = value.slice(1);
  event.hasField = true;
  if (name === 'data') event.data.push(value);
  else if (name === 'id') event.id = value;
  else if (name === 'event') event.event = value;
  else if (name === 'retry') event.retry = Number(value);
}

function finish(event) {
  return {id: event.id, event: event.event, data: event.data.join('\n'), retry: event.retry};
}

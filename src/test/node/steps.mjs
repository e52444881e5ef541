// The step protocol of the client scripts: each step prints one JSON line ({"step", "ok", ...}) for the Java test to
// read, and a failed step makes the script exit 1 at the end (finish()), after every step has run.
let failed = false;

export async function step(name, run) {
  try {
    const data = await run();
    process.stdout.write(JSON.stringify({ step: name, ok: true, ...data }) + '\n');
    return data;
  } catch (e) {
    failed = true;
    process.stdout.write(JSON.stringify({ step: name, ok: false, error: String(e?.message ?? e), code: e?.code }) + '\n');
    return undefined;
  }
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export function finish() {
  process.exit(failed ? 1 : 0);
}

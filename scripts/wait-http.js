// Waits until a URL answers 200 (usage: node wait-http.js URL [seconds]); exits 1 on time-out.
const [url, seconds = "120"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
(async function poll() {
  try {
    const r = await fetch(url);
    if (r.status === 200) process.exit(0);
  } catch { /* not up yet */ }
  if (Date.now() > deadline) { console.error(`Timed out waiting for ${url}`); process.exit(1); }
  setTimeout(poll, 500);
})();

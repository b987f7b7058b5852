// Waits until every given port on 127.0.0.1 accepts connections (usage: node wait-tcp.js PORT... ); exits 1 after 60 s.
const net = require("net");
const ports = process.argv.slice(2).map(Number);
const deadline = Date.now() + 60000;
const open = (port) => new Promise((resolve) => {
  const s = net.connect(port, "127.0.0.1", () => { s.end(); resolve(true); });
  s.on("error", () => resolve(false));
});
(async function poll() {
  const results = await Promise.all(ports.map(open));
  if (results.every(Boolean)) process.exit(0);
  if (Date.now() > deadline) { console.error("Azurite did not start listening"); process.exit(1); }
  setTimeout(poll, 300);
})();

// Prints a free TCP port on 127.0.0.1, so Azurite never collides with another running instance.
const server = require("net").createServer();
server.listen(0, "127.0.0.1", () => {
  console.log(server.address().port);
  server.close();
});

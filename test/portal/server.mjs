// Placeholder until the sample portal lands (issue 2): answers nothing useful yet.
import { createServer } from 'node:http';
export async function startPortal({ port = 0, remotePort = 0 } = {}) {
  const listen = (p) => new Promise((ok) => { const s = createServer((_, res) => { res.statusCode = 404; res.end('404: Not Found'); }); s.listen(p, '127.0.0.1', () => ok(s)); });
  const main = await listen(port);
  const remote = await listen(remotePort);
  return {
    url: `http://127.0.0.1:${main.address().port}`,
    remoteUrl: `http://127.0.0.1:${remote.address().port}`,
    close() { main.close(); remote.close(); },
  };
}

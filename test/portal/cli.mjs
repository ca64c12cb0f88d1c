#!/usr/bin/env node
// Starts the sample portal: `node test/portal/cli.mjs [--port 4790] [--remote-port 4791] [--host 127.0.0.1] [--page-size-max 50]`.
import { parseArgs } from 'node:util';
import { startPortal } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' }, 'remote-port': { type: 'string' }, host: { type: 'string', default: '127.0.0.1' },
    // the tabular page-size maximum: 200 as in production (default), 50 as in the service's code
    'page-size-max': { type: 'string' },
  },
});
const port = Number(values.port);
const remotePort = values['remote-port'] !== undefined ? Number(values['remote-port']) : port ? port + 1 : 0;
const pageSizeMax = values['page-size-max'] !== undefined ? Number(values['page-size-max']) : undefined;
const portal = await startPortal({ port, remotePort, host: values.host, warm: true, thread: false, pageSizeMax });
console.log(`Sample portal (fake data.gouv.fr):
  udata API    ${portal.url}/api/1/datasets/frequentation-des-musees-de-france-1/
  tabular API  ${portal.url}/tabular/api/resources/c0ffee01-0000-4000-8000-000000000001/data/
  static files ${portal.url}/static/
  remote host  ${portal.remoteUrl}/  (no CORS)`);
const stop = () => portal.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/**
 * Entry point of the public renderer: load config, build services and app, listen.
 * Nothing else belongs here, so everything above can be tested without a process.
 */
import { createServer } from 'node:http';
import { createApp } from './app';
import { loadWebConfig, type WebConfig } from './config';
import { createServices } from './services/index';

/** How long in-flight requests get to finish after SIGTERM before the process exits. */
const shutdownGraceMs = 10_000;

const config = loadConfigOrExit();
const app = createApp(createServices(config), config);
const server = createServer(app);

server.on('error', (error) => {
  console.error(`web: cannot listen on port ${config.port}`, error);
  process.exit(1);
});

server.listen(config.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  console.log(`web: listening on http://localhost:${port} (public URL ${config.siteUrl}, CMS ${config.cmsUrl})`);
});

function shutDown(signal: NodeJS.Signals): void {
  console.log(`web: ${signal} received, closing after in-flight requests`);
  // Stop accepting connections; idle keep-alive sockets would otherwise hold close() open.
  server.close((error) => {
    if (error) {
      console.error('web: error while closing the server', error);
      process.exit(1);
    }
    console.log('web: closed');
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`web: requests still open after ${shutdownGraceMs} ms, exiting anyway`);
    process.exit(1);
  }, shutdownGraceMs).unref();
}

process.once('SIGTERM', shutDown);
process.once('SIGINT', shutDown);

// A bad variable is an operator mistake: say which one, without a stack trace.
function loadConfigOrExit(): WebConfig {
  try {
    return loadWebConfig();
  } catch (error) {
    console.error(`web: invalid configuration: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

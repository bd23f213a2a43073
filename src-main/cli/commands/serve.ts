/** `frontier serve`: web mode — the app in a browser, served on 127.0.0.1 with a per-run token. */
import { FrontierError } from '../../../shared/api.js';
import { rendererDir, resolveDbPath } from '../../app-paths.js';
import { createRuntime } from '../../services/runtime.js';
import { startHost } from '../../host/server.js';
import { warmReportExport } from '../../services/report-service.js';
import { commonOptions, defineCommand, numberOption, stringOption } from '../command.js';

export default defineCommand({
  name: 'serve',
  summary: 'run Frontier in your browser (web mode) on 127.0.0.1',
  usage: `usage: frontier serve [--port N] [--db FILE]

Serves the app on http://127.0.0.1:PORT and prints the URL to open; the URL carries a random token
that every request must present. Stop with Ctrl+C.
  --port N     port to listen on (default 4680; 0 = any free port)
  --db FILE    database (default: FRONTIER_DB or the user data folder)`,
  options: { ...commonOptions, port: { type: 'string' } },
  async run(args, ctx) {
    const port = numberOption(args, 'port') ?? 4680;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FrontierError('user-error', `--port: ${port} is not a port number`);
    const runtime = createRuntime({
      dbPath: resolveDbPath(stringOption(args, 'db'), undefined, ctx.env),
      mode: 'web',
      makePrinter: async () => (await import('../../host/chromium-printer.js')).createChromiumPrinter(),
    });
    const host = await startHost({ runtime, rendererDir: rendererDir(), port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new FrontierError('user-error', `port ${port} is in use; pick another with --port`);
      throw error;
    });
    ctx.stdout(`Frontier is running at ${host.url}`);
    ctx.stdout(`database: ${runtime.ctx.dbPath}`);
    // In the background once listening: the first PDF export then finds Chromium and a warm worker ready.
    const warming = warmReportExport(runtime.ctx);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.close();
    await runtime.close();
    await warming;
  },
});

import { REPORT_NAMES } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { Command, InvalidArgumentError } from 'commander';
import { demoCommand } from './commands/demo.ts';
import { generateWithTruth, SCENARIOS, type Scenario } from './commands/generate.ts';
import { importWithProgress, summaryText } from './commands/import.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';

function integer(name: string) {
  return (text: string): string => {
    if (!/^\d+$/.test(text)) throw new InvalidArgumentError(`${name}: expected a whole number, got ${text}`);
    return text;
  };
}

function scenario(text: string): Scenario {
  if (!(SCENARIOS as readonly string[]).includes(text)) {
    throw new InvalidArgumentError(`--scenario: expected ${SCENARIOS.join(' or ')}, got ${text}`);
  }
  return text as Scenario;
}

/** The `waymark` command line. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('waymark')
    .description('Waymark: map, measure and act on customer journeys')
    .showHelpAfterError();

  program
    .command('demo')
    .description('serve the demo workspace (generated journeys) on loopback, no token needed')
    .option('--data <dir>', 'data folder', '.waymark-demo')
    .option('--port <port>', 'port (default 4400, or WAYMARK_PORT)')
    .action(demoCommand);

  program
    .command('serve')
    .description('serve the API, Segment-compatible ingest and the web app')
    .option('--data <dir>', 'data folder', '.waymark-data')
    .option('--port <port>', 'port (default 4400, or WAYMARK_PORT)')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--write-key <key>', 'ingest write key (or WAYMARK_WRITE_KEY)')
    .option('--admin-token <token>', 'admin API token (or WAYMARK_ADMIN_TOKEN)')
    .option(
      '--link-by <traits>',
      'link identities sharing these identify traits: email, phone, email,phone or none (default: <data>/waymark.yaml, else none)',
    )
    .option('--journey <file>', 'a journey definition (YAML) to load besides <data>/journeys/; repeatable', collect, [])
    .action(serveCommand);

  program
    .command('import')
    .description('import a JSONL, XES or CSV file (optionally gzipped) into a data folder')
    .argument('<file>')
    .option('--data <dir>', 'data folder', '.waymark-data')
    .option('--format <format>', 'jsonl, xes or csv (default: from the file name)')
    .option('--mapping <file>', 'CSV mapping file (YAML)')
    .option('--channel <channel>', 'channel for messages that do not name one')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        file: string,
        flags: { data: string; json?: boolean; format?: string; mapping?: string; channel?: string },
      ) => {
        const workspace = await Workspace.open(flags.data);
        try {
          const summary = await importWithProgress(workspace.pipeline, file, flags);
          process.stdout.write(`${flags.json === true ? JSON.stringify(summary) : summaryText(summary)}\n`);
        } finally {
          await workspace.close();
        }
      },
    );

  program
    .command('report')
    .description(`run a report (${REPORT_NAMES.join(', ')}) on a data folder or straight from a file`)
    .argument('<name>')
    .option('--input <file>', 'report on this file (imported in memory) instead of a data folder')
    .option('--data <dir>', 'data folder (default .waymark-data)')
    .option('--format <format>', 'format of --input: jsonl, xes or csv')
    .option('--mapping <file>', 'CSV mapping file for --input')
    .option('--top <n>', 'variants: only the N most common', integer('--top'))
    .option('--bucket <bucket>', 'overview: hour, day or week')
    .option(
      '--breakdown <by>',
      'journey reports: group customers by firstTouch, lastTouch, traits.x or properties.x (as -p breakdown=…)',
    )
    .option('--journey <file>', 'a journey definition (YAML) to load; repeatable', collect, [])
    .option(
      '--link-by <traits>',
      'link identities sharing these identify traits: email, phone, email,phone or none (default: <data>/waymark.yaml, else none)',
    )
    .option(
      '-p, --param <key=value>',
      'a report parameter, as in the HTTP query (journey, funnel, steps, mode, window, from, to, segment, breakdown, …); repeatable',
      collect,
      [],
    )
    .option('--json', 'print JSON')
    .action(async (name: string, flags) => {
      process.stdout.write(`${await reportCommand(name, flags)}\n`);
    });

  program
    .command('generate')
    .description('write deterministic synthetic events as JSONL (gzipped if FILE ends in .gz)')
    .requiredOption('--customers <n>', 'number of customers', integer('--customers'))
    .option('--seed <n>', 'random seed', integer('--seed'), '1')
    .requiredOption('--out <file>', 'output file (.jsonl or .jsonl.gz)')
    .option('--scenario <name>', `${SCENARIOS.join(' or ')}: the demo's subscription business`, scenario, 'simple')
    .option('--truth <file>', 'subscription scenario: write the ground truth (JSON) here')
    .action(async (flags: { customers: string; seed: string; out: string; scenario: Scenario; truth?: string }) => {
      if (flags.truth !== undefined && flags.scenario !== 'subscription') {
        throw new InvalidArgumentError('--truth: only the subscription scenario has a ground truth');
      }
      const started = performance.now();
      const { events } = await generateWithTruth({
        customers: Number(flags.customers),
        seed: Number(flags.seed),
        out: flags.out,
        scenario: flags.scenario,
        ...(flags.truth === undefined ? {} : { truth: flags.truth }),
      });
      const seconds = (performance.now() - started) / 1000;
      const truthNote = flags.truth === undefined ? '' : ` (ground truth: ${flags.truth})`;
      process.stdout.write(
        `wrote ${events.toLocaleString('en-US')} events to ${flags.out} in ${seconds.toFixed(1)} s${truthNote}\n`,
      );
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`waymark: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

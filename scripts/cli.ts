import { readFileSync } from 'node:fs';
import { evaluate, ProblemValidationError } from '../core/index';

/**
 * The lone analyst's command line: `clusterwise evaluate FILE.json` (or `-` for standard input) prints one
 * JSON result. Exit codes: 0 success, 2 invalid input (each problem on standard error with its JSON path),
 * 1 anything unexpected.
 */
const USAGE = `Usage: clusterwise evaluate FILE.json   (use - to read standard input)

Evaluates an AHP problem (one matrix, a hierarchy, or a group) and prints the result as JSON.
The problem format is described in the README (section "Command line").`;

export function runCli(args: readonly string[], io: { readStdin: () => string; out: (text: string) => void; err: (text: string) => void }): number {
  const [command, file, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'evaluate' || file === undefined || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 2;
  }
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch (error) {
    io.err(`${file === '-' ? 'stdin' : file}: is not valid JSON (${(error as Error).message})`);
    return 2;
  }
  try {
    io.out(JSON.stringify(evaluate(problem), null, 2));
    return 0;
  } catch (error) {
    if (error instanceof ProblemValidationError) {
      for (const issue of error.issues) io.err(`${issue.path}: ${issue.message}`);
      return 2;
    }
    throw error;
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      readStdin: () => readFileSync(0, 'utf8'),
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    });
  } catch (error) {
    process.stderr.write(`unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
}

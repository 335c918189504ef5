// Runs npm scripts side by side and fails when any fails (`npm test`'s static checks: the type
// checker and the linters are single-threaded each, so on two cores they take half the time
// together). Each script's output is printed whole when it ends, so the logs do not interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', script], { shell: false });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => {
          process.stdout.write(
            `── npm run ${script} ${code === 0 ? 'passed' : 'FAILED'}\n${output}`,
          );
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);

import { Argument, type Command } from 'commander';
import { SHELLS, type Shell } from './completion.js';
import { openSets, setsAndLang } from './options.js';

export function registerCompletion(program: Command, out: (s: string) => void): void {
  setsAndLang(
    program
      .command('completion')
      .description('print a shell completion script for bash, zsh or fish')
      .addArgument(new Argument('<shell>', 'the shell: bash, zsh or fish').choices(SHELLS)),
  ).action(async (shell: Shell, opts: { sets: string[] }) => {
    const { completionScript } = await import('./completion.js');
    // The set ids of the moment are written into the script: regenerate it after adding sets.
    const { registry } = await openSets(opts);
    out(completionScript(shell, program, registry.ids()));
  });
}

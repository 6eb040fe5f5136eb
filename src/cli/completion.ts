import type { Command, Option } from 'commander';
import { REGIONS } from '../criteria/regions.js';
import { allCommands, commandPath } from './help.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What to offer after a flag or for a command's arguments. */
type Values = { words: string[]; files?: 'any' | 'dir' | 'yaml' } | undefined;

/** One command as the completion scripts see it: its path, subcommands, flags and what they take. */
interface Node {
  path: string;
  subcommands: string[];
  flags: string[];
  /** Flags that take a value, with what to offer for it. */
  values: { flags: string[]; offer: Values }[];
  args: Values;
}

/** The command tree as data: everything the scripts offer comes from the commands' own definitions. */
function describe(program: Command, setIds: string[]): Node[] {
  const regions = REGIONS.map((r) => r.code);
  const offerFor = (o: Option): Values => {
    if (o.argChoices) return { words: o.argChoices };
    if (o.long === '--set') return { words: setIds, files: 'yaml' };
    if (o.long === '--sets') return { words: [], files: 'dir' };
    if (o.long === '--region') return { words: regions };
    if (o.long === '--encoding') return { words: ['utf-8', 'windows-1258', 'tcvn3'] };
    // A value named <file> is a path; any other (a year) is typed.
    return /<[^>]*file[^>]*>/.test(o.flags) ? { words: [], files: 'any' } : { words: [] };
  };
  return allCommands(program).map((cmd) => {
    const path = commandPath(cmd);
    const options = cmd.options;
    const flags = ['-h', '--help', ...options.flatMap((o) => [o.short, o.long].filter((f): f is string => Boolean(f)))];
    const values = options
      .filter((o) => o.required || o.optional)
      .map((o) => ({ flags: [o.short, o.long].filter((f): f is string => Boolean(f)), offer: offerFor(o) }));
    const arg = cmd.registeredArguments[0];
    const args: Values = !arg
      ? undefined
      : arg.argChoices
        ? { words: arg.argChoices }
        : path.startsWith('sets ')
          ? { words: setIds, files: 'yaml' }
          : { words: [], files: 'any' };
    return { path, subcommands: cmd.commands.map((c) => c.name()), flags, values, args };
  });
}

/** The completion script for a shell: commands, options, format names, region codes and set ids. */
export function completionScript(shell: Shell, program: Command, setIds: string[]): string {
  const nodes = describe(program, setIds);
  return shell === 'bash' ? bash(nodes) : shell === 'zsh' ? zsh(nodes) : fish(nodes);
}

/** What a word that is not a flag may be: a subcommand, or the command's argument. */
const wordsOf = (n: Node): Values => ({ words: [...n.subcommands, ...(n.args?.words ?? [])], files: n.args?.files });

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const words = (xs: string[]) => quote(xs.join(' '));

/** The `case` arms that follow the words typed so far down the command tree (shared by bash and zsh). */
const pathArms = (nodes: Node[]) =>
  nodes.flatMap((n) =>
    n.subcommands.map((s) => `      ${quote(`${n.path}:${s}`)}) cmdpath=${quote(n.path ? `${n.path} ${s}` : s)} ;;`),
  );

function bash(nodes: Node[]): string {
  const offer = (v: Values) => {
    const parts = [`COMPREPLY=($(compgen -W ${words(v?.words ?? [])} -- "$cur"))`];
    if (v?.files === 'dir') parts.push('COMPREPLY+=($(compgen -d -- "$cur"))');
    if (v?.files === 'yaml') parts.push(`COMPREPLY+=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))`);
    if (v?.files === 'any') parts.push('COMPREPLY+=($(compgen -f -- "$cur"))');
    return parts.join('; ');
  };
  const valueArms = nodes.flatMap((n) =>
    n.values.map((v) => `    ${v.flags.map((f) => quote(`${n.path}:${f}`)).join('|')}) ${offer(v.offer)}; return ;;`),
  );
  const flagArms = nodes.map(
    (n) => `    ${quote(n.path)}) COMPREPLY=($(compgen -W ${words(n.flags)} -- "$cur")); return ;;`,
  );
  const wordArms = nodes.map((n) => `    ${quote(n.path)}) ${offer(wordsOf(n))} ;;`);
  return `# ntm completion for bash. Load it with: source <(ntm completion bash)
${dispatch(nodes, BASH, valueArms, flagArms, wordArms)}}
complete -o filenames -F _ntm ntm
`;
}

/** How bash and zsh name the words typed so far; the rest of their completion function is the same. */
const BASH = {
  cur: 'COMP_WORDS[COMP_CWORD]',
  prev: 'COMP_WORDS[COMP_CWORD-1]',
  first: 1,
  count: 'COMP_CWORD',
  words: 'COMP_WORDS',
};
const ZSH = { cur: 'words[CURRENT]', prev: 'words[CURRENT-1]', first: 2, count: 'CURRENT', words: 'words' };

/** The _ntm function: find the command path, then offer an option's values, the flags, or the words. */
function dispatch(nodes: Node[], sh: typeof BASH, valueArms: string[], flagArms: string[], wordArms: string[]): string {
  return `_ntm() {
  local cur="\${${sh.cur}}" prev="\${${sh.prev}}" cmdpath="" i w
  for ((i = ${sh.first}; i < ${sh.count}; i++)); do
    w="\${${sh.words}[i]}"
    case "$cmdpath:$w" in
${pathArms(nodes).join('\n')}
    esac
  done
  case "$cmdpath:$prev" in
${valueArms.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
${flagArms.join('\n')}
    esac
  fi
  case "$cmdpath" in
${wordArms.join('\n')}
  esac
`;
}

function zsh(nodes: Node[]): string {
  const offer = (v: Values) => {
    const parts = [`compadd -- ${(v?.words ?? []).map(quote).join(' ')}`];
    if (v?.files === 'dir') parts.push('_files -/');
    if (v?.files === 'yaml') parts.push(`_files -g '*.(yaml|yml)'`);
    if (v?.files === 'any') parts.push('_files');
    return parts.join('; ');
  };
  const valueArms = nodes.flatMap((n) =>
    n.values.map((v) => `    ${v.flags.map((f) => quote(`${n.path}:${f}`)).join('|')}) ${offer(v.offer)}; return ;;`),
  );
  const flagArms = nodes.map((n) => `      ${quote(n.path)}) compadd -- ${n.flags.map(quote).join(' ')}; return ;;`);
  const wordArms = nodes.map((n) => `    ${quote(n.path)}) ${offer(wordsOf(n))} ;;`);
  // "path" is zsh's array tied to PATH: the command path is "cmdpath".
  return `#compdef ntm
# ntm completion for zsh. Save it as _ntm in a folder of $fpath, or load it with: source <(ntm completion zsh)
${dispatch(nodes, ZSH, valueArms, flagArms, wordArms)}}
if [[ "$funcstack[1]" == _ntm ]]; then _ntm "$@"; else compdef _ntm ntm; fi
`;
}

function fish(nodes: Node[]): string {
  const lines = ['# ntm completion for fish. Save it as ~/.config/fish/completions/ntm.fish', 'complete -c ntm -f'];
  // fish tells commands apart by the words seen so far: a path is its words, in order.
  const when = (path: string) => {
    if (!path) return '__fish_use_subcommand';
    const seen = path
      .split(' ')
      .map((p) => `__fish_seen_subcommand_from ${p}`)
      .join('; and ');
    const inner = nodes.find((n) => n.path === path)?.subcommands ?? [];
    return `${seen}${inner.length ? `; and not __fish_seen_subcommand_from ${inner.join(' ')}` : ''}`;
  };
  for (const n of nodes) {
    const cond = quote(when(n.path));
    for (const s of n.subcommands) lines.push(`complete -c ntm -n ${cond} -a ${quote(s)}`);
    for (const v of n.values) {
      const long = v.flags.find((f) => f.startsWith('--'))?.slice(2);
      const short = v.flags.find((f) => /^-[^-]$/.test(f))?.slice(1);
      const files =
        v.offer?.files === 'any' || v.offer?.files === 'yaml'
          ? ' -F'
          : v.offer?.files === 'dir'
            ? ` -xa '(__fish_complete_directories)'`
            : ' -x';
      const choices = v.offer?.words.length ? ` -a ${words(v.offer.words)}` : '';
      lines.push(
        `complete -c ntm -n ${cond}${long ? ` -l ${long}` : ''}${short ? ` -s ${short}` : ''} -r${files}${choices}`,
      );
    }
    const booleans = n.flags.filter((f) => f.startsWith('--') && !n.values.some((v) => v.flags.includes(f)));
    for (const f of booleans) lines.push(`complete -c ntm -n ${cond} -l ${f.slice(2)}`);
    if (n.args) {
      const choices = n.args.words.length ? ` -a ${words(n.args.words)}` : '';
      lines.push(`complete -c ntm -n ${cond}${n.args.files ? ' -F' : ''}${choices}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

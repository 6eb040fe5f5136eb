import type { Command } from "commander"; export function registerEvaluate(_p: Command, _o: (s: string) => void): void {}

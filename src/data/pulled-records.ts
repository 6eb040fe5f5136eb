import type { CsvRecord } from './csv-records.js';

const BATCH = 1024;

/**
 * Turns a push-style record source (a callback told each record) into batches pulled by the
 * caller, as the CSV reader gives them: the source waits while a full batch is unread, so memory
 * stays bounded however large the input.
 */
export async function* pulled(
  run: (push: (cells: string[], line: number) => Promise<void> | undefined) => Promise<void>,
): AsyncGenerator<CsvRecord[]> {
  let batch: CsvRecord[] = [];
  let done = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const push = (cells: string[], line: number): Promise<void> | undefined => {
    if (stopped) throw new Error('the reader of the records stopped');
    batch.push({ cells, line });
    if (batch.length < BATCH) return undefined;
    signal();
    return new Promise<void>((r) => (resume = r));
  };
  const finish = () => {
    done = true;
    signal();
  };
  void run(push).then(finish, (error: unknown) => {
    failure = { error };
    finish();
  });
  try {
    for (;;) {
      while (batch.length < BATCH && !done) await new Promise<void>((r) => (wake = r));
      if (batch.length) {
        const full = batch;
        batch = [];
        const r = resume;
        resume = undefined;
        r?.();
        yield full;
      } else if (failure) throw failure.error;
      else return;
    }
  } finally {
    stopped = true;
    resume?.();
  }
}

import { run } from '../store/index';
import { withRunnerGoals } from '../targetGoals';
import type { Bench } from '../types';

const bench: Bench = {
  name: 'store',
  description:
    'SQLite history: open+append and sidebar with 1M vs 1k messages, FTS search p95 over 1M',
  run: async (_log, options) => withRunnerGoals(await run(options)),
};
export default bench;

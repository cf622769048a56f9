import { run } from '../render/index';
import { withRunnerGoals } from '../targetGoals';
import type { Bench } from '../types';

const bench: Bench = {
  name: 'render',
  description:
    '20k tokens of markdown at 1k tokens/s into the real view vs Streamdown and react-markdown',
  run: async (_log, options) => withRunnerGoals(await run(options)),
};
export default bench;

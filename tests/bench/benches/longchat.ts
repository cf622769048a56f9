import { run } from '../longchat/index';
import { withRunnerGoals } from '../targetGoals';
import type { Bench } from '../types';

const bench: Bench = {
  name: 'longchat',
  description:
    '2,000 messages (5 MB): open vs a react-markdown list, scroll tasks, heap after open and switches, a 5k-token answer streamed at the end',
  run: async (_log, options) => withRunnerGoals(await run(options)),
};
export default bench;

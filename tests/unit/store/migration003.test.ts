import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';

describe('migration 3: usage costs, aggregation index, rate limits', () => {
  it('prices rows written before it, keeps unknown models null, and adds the index and table', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig3-')), 'switchboard.db');
    const v2 = openDatabase({ file, migrations: migrations.slice(0, 2), now: () => 1 });
    const insert = v2.db.prepare(
      `INSERT INTO usage_ledger (created_at, kind, model, input_tokens, cached_input_tokens, output_tokens, outcome)
       VALUES (1, 'chat', ?, 1000000, 0, 0, 'stop')`,
    );
    insert.run('gpt-4o-mini');
    insert.run('some-local-model');
    v2.db.close();

    const v3 = openDatabase({ file, migrations: migrations.slice(0, 3), now: () => 2 });
    expect(v3.fromVersion).toBe(2);
    expect(v3.backupFile).not.toBeNull();
    const costs = v3.db.prepare('SELECT cost FROM usage_ledger ORDER BY id').all();
    expect(costs).toEqual([{ cost: 0.15 }, { cost: null }]);
    const names = v3.db
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('usage_ledger_range', 'rate_limits')")
      .all();
    expect(names).toHaveLength(2);
    v3.db.close();
  });
});

import type { Client } from './contract-client.js';

/** The 数据来源 tests give a record that is to be released. */
export const TEST_ATTRIBUTION = '广西壮族自治区地质调查院';

/**
 * Gives an imported dataset what the `marking` rule asks of a public version's source (ADR 0168):
 * a 数据来源 on its record (a new version keeping its other fields) and a review of its bytes.
 */
export async function readyForRelease(client: Pick<Client, 'call'>, id: string): Promise<void> {
  const { record } = await client.call('datasets.get', { id });
  await client.call('catalogue.save', {
    id,
    baseVersion: record.version,
    fields: { ...record.fields, attribution: TEST_ATTRIBUTION },
  });
  await client.call('review.run', { id });
}

import type { Migration } from './migration.js';

/**
 * Findings say where as a structured location and name their action from the release vocabulary
 * (core/model/finding.ts). Reviews recorded before this step named the place as text ('dataset',
 * 'band N', or a field) and the raster action 'resample-block-average': those are rewritten in
 * place, each finding kept in its order; findings already structured are left as they are.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'finding-locations',
  sql: `
UPDATE reviews SET findings = (
  SELECT json_group_array(json(finding)) FROM (
    SELECT CASE WHEN json_type(f.value, '$.where') = 'text' THEN
      json_set(
        f.value,
        '$.where',
        CASE
          WHEN json_extract(f.value, '$.where') = 'dataset' THEN json('{}')
          WHEN json_extract(f.value, '$.where') GLOB 'band [0-9]*'
            THEN json_object('band', CAST(substr(json_extract(f.value, '$.where'), 6) AS INTEGER))
          ELSE json_object('field', json_extract(f.value, '$.where'))
        END,
        '$.action',
        CASE WHEN json_extract(f.value, '$.action') = 'resample-block-average' THEN 'resample'
             ELSE json_extract(f.value, '$.action') END
      )
    ELSE f.value END AS finding
    FROM json_each(reviews.findings) AS f
    ORDER BY f.key
  )
)
WHERE json_valid(findings) AND json_type(findings) = 'array' AND json_array_length(findings) > 0;
`,
};

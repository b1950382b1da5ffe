-- Letter bodies become the letter editor's document (src/shared/letters/body.ts): a draft written
-- as plain text keeps its text, one paragraph per blank-line-separated part, line breaks as hard breaks.
UPDATE "letters" SET "body" = jsonb_build_object('type', 'doc', 'content', coalesce((
  SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'content', (
    SELECT coalesce(jsonb_agg(node ORDER BY line_number, position), '[]'::jsonb) FROM (
      SELECT line_number, 1 AS position, jsonb_build_object('type', 'hardBreak') AS node
        FROM regexp_split_to_table(trim(part), E'\n') WITH ORDINALITY AS l(line, line_number) WHERE line_number > 1
      UNION ALL
      SELECT line_number, 2, jsonb_build_object('type', 'text', 'text', line)
        FROM regexp_split_to_table(trim(part), E'\n') WITH ORDINALITY AS l(line, line_number) WHERE line <> ''
    ) AS nodes)) ORDER BY part_number)
  FROM regexp_split_to_table(replace("body", E'\r', ''), E'\n\\s*\n') WITH ORDINALITY AS p(part, part_number)
  WHERE trim(part) <> ''), jsonb_build_array(jsonb_build_object('type', 'paragraph'))))::text
WHERE left(ltrim("body"), 1) <> '{';

"""A national office's sums without any server: DuckDB reads a folder of
report files (made by tests/national.rs from 1,000 chapters) and adds up
every indicator; the totals must equal the app's own roll-up of the same
files. Run by `make test` after the host tests: python tests/scale/duckdb_totals.py
"""
import json
import pathlib
import sys

import duckdb

SCALE = pathlib.Path("target/scale")

# The query of docs/scale.md: each report record of each file, its values
# flattened to (unit, period, code, num, den); of several reports of one unit
# and period, the newest by stamp (wall time, then counter).
QUERY = """
WITH files AS (
    SELECT data FROM read_json(?, columns = {data: 'JSON'}, format = 'auto')
), reports AS (
    SELECT r.value AS report FROM files, json_each(files.data, '$.reports') AS r
), newest AS (
    SELECT report FROM reports
    QUALIFY row_number() OVER (
        PARTITION BY report->>'$.data.unit', report->>'$.data.period'
        ORDER BY CAST(split_part(report->>'$.stamp', '-', 1) AS BIGINT) DESC,
                 CAST(split_part(report->>'$.stamp', '-', 2) AS BIGINT) DESC
    ) = 1
), flat AS (
    SELECT report->>'$.data.unit' AS unit,
           report->>'$.data.period' AS period,
           v.key AS code,
           CAST(v.value->>'$.num' AS BIGINT) AS num,
           CAST(v.value->>'$.den' AS BIGINT) AS den
    FROM newest, json_each(newest.report, '$.data.values') AS v
)
SELECT code, sum(num) AS num, sum(den) AS den, count(DISTINCT unit) AS units
FROM flat WHERE period = ? GROUP BY code ORDER BY code
"""


def main() -> int:
    files = sorted((SCALE / "reports").glob("*.json"))
    if len(files) != 1000:
        print(f"expected the 1,000 report files of tests/national.rs, found {len(files)}")
        return 1
    app = json.loads((SCALE / "app-totals.json").read_text())
    rows = duckdb.execute(QUERY, [str(SCALE / "reports" / "*.json"), "2026"]).fetchall()
    wrong = []
    for code, num, den, units in rows:
        if units != 1000:
            wrong.append(f"{code}: {units} units")
        mine = app.get(code)
        if mine is None:
            wrong.append(f"{code}: not in the app's roll-up")
            continue
        if (num, den) != (mine["num"], mine["den"]):
            wrong.append(f"{code}: DuckDB {num}/{den}, the app {mine['num']}/{mine['den']}")
    missing = set(app) - {row[0] for row in rows}
    wrong += [f"{code}: only in the app's roll-up" for code in sorted(missing)]
    if wrong:
        print("\n".join(wrong))
        return 1
    print(f"{len(rows)} indicators over {len(files)} report files: DuckDB's sums equal the app's")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The search benchmark's competitors, and its table (see scripts/bench-search.sh).

  bench_search.py pg-setup URL             full-text index in PostgreSQL
  bench_search.py pg-run URL QUERIES       the competitors' subset on it
  bench_search.py fts5-setup FILE          FTS5 index in an SQLite file
  bench_search.py fts5-run FILE QUERIES    the competitors' subset on it
  bench_search.py table RESULTS            the Markdown tables of a run

Both competitors index what a developer would: the public title and
description of every published offer in each language. PostgreSQL gets one
tsvector stemmed per language (italian, english, french, german; titles
weighted A) with a GIN index, in a table that also carries the filters; a
query is the OR of websearch_to_tsquery in the four languages (quotes make
phrases), ranked by ts_rank. SQLite gets an FTS5 table (unicode61, diacritics
removed) joined to the offers; a query is its words ANDed, phrases quoted,
ranked by bm25. Each answers, as the engine does, the top 20 and the facet
counts; they count two facets (centre, section) with every filter applied,
where the engine counts six, each with the other filters applied. They run
every fifth query of the mix (200 of 1,000), one after another, with a 30 s
statement timeout; a timed-out query counts as 30 s and is reported.
"""

import json
import re
import sqlite3
import sys
import time

TIMEOUT_S = 30.0
CLASSES = ["all", "text+2_facets", "occupation", "common_word", "two_words", "phrase", "typo"]


def subset(path):
    with open(path, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f if line.strip()]
    return [q for q in queries if q["n"] % 5 == 0]


def classes(q):
    out = ["all", q["kind"].replace(" ", "_")]
    if q["filters"] == 2:
        out.append("text+2_facets")
    return out


def percentile(sorted_ms, p):
    rank = min(max(int(-(-len(sorted_ms) * p // 1)), 1), len(sorted_ms))
    return sorted_ms[rank - 1]


def report(runner, timings):
    """timings: list of (query, ms, timed_out)."""
    by_class = {}
    for q, ms, out in timings:
        for c in classes(q):
            by_class.setdefault(c, []).append((ms, out))
    for c in CLASSES:
        rows = by_class.get(c)
        if not rows:
            continue
        ms = sorted(r[0] for r in rows)
        print(
            f"result runner={runner} scope=subset class={c} n={len(ms)} p50={percentile(ms, .5):.2f} "
            f"p95={percentile(ms, .95):.2f} p99={percentile(ms, .99):.2f} max={ms[-1]:.2f} "
            f"timeouts={sum(1 for r in rows if r[1])}",
            flush=True,
        )


def run_all(runner, queries, one):
    """Runs `one(q)` for each query; a few first, untimed, to warm caches."""
    for q in queries[:5]:
        one(q)
    timings = []
    slowest = []
    for q in queries:
        start = time.perf_counter()
        timed_out = one(q)
        ms = (time.perf_counter() - start) * 1000.0
        if timed_out:
            ms = max(ms, TIMEOUT_S * 1000.0)
        timings.append((q, ms, timed_out))
        slowest.append((ms, q["text"], q["filters"]))
        print(f"progress runner={runner} n={q['n']} ms={ms:.1f}{' timeout' if timed_out else ''}", file=sys.stderr, flush=True)
    report(runner, timings)
    for ms, text, filters in sorted(slowest, reverse=True)[:5]:
        print(f"slow: runner={runner} {ms:.0f} ms {text!r} with {filters} filters")


# ---------------------------------------------------------------- PostgreSQL

PG_LANGS = [("it", "italian"), ("en", "english"), ("fr", "french"), ("de", "german")]


def pg_connect(url):
    try:
        import psycopg
    except ImportError:
        sys.exit("psycopg is missing: python3 -m pip install 'psycopg[binary]'")
    return psycopg.connect(url, autocommit=True)


def pg_setup(url):
    conn = pg_connect(url)
    vectors = " || ".join(
        f"setweight(to_tsvector('{cfg}', coalesce({l}.title, '')), 'A') || to_tsvector('{cfg}', coalesce({l}.description, ''))"
        for l, cfg in PG_LANGS
    )
    joins = " ".join(
        f"LEFT JOIN offer_texts {l} ON {l}.offer_id = o.id AND {l}.lang = '{l}' AND {l}.status IN ('original', 'reviewed')"
        for l, _ in PG_LANGS
    )
    start = time.perf_counter()
    conn.execute("DROP TABLE IF EXISTS bench_fts")
    conn.execute(
        f"""CREATE TABLE bench_fts AS
            SELECT o.id, o.centre_id, o.section, o.contract, o.valid_through, o.published_on,
                   coalesce((SELECT array_agg(language) FROM offer_languages WHERE offer_id = o.id), '{{}}') AS languages,
                   {vectors} AS tsv
            FROM offers o {joins}
            WHERE o.status = 'published'"""
    )
    conn.execute("CREATE INDEX bench_fts_tsv ON bench_fts USING gin (tsv)")
    conn.execute("ANALYZE bench_fts")
    seconds = time.perf_counter() - start
    rows = conn.execute("SELECT count(*) FROM bench_fts").fetchone()[0]
    size = conn.execute("SELECT pg_total_relation_size('bench_fts')").fetchone()[0]
    print(f"build runner=postgres rows={rows} seconds={seconds:.1f} size_mib={size / 1048576:.0f}", flush=True)


def pg_run(url, path):
    conn = pg_connect(url)
    import psycopg

    conn.execute(f"SET statement_timeout = '{int(TIMEOUT_S * 1000)}ms'")
    today = time.strftime("%Y-%m-%d")

    def one(q):
        tsquery = " || ".join(f"websearch_to_tsquery('{cfg}', %(q)s)" for _, cfg in PG_LANGS)
        where = ["tsv @@ query", "valid_through >= %(today)s"]
        params = {"q": q["text"], "today": today}
        for column in ("centre", "section", "contract", "language"):
            if q.get(column) is None:
                continue
            params[column] = q[column]
            where.append(
                {
                    "centre": "centre_id = (SELECT id FROM centres WHERE slug = %(centre)s)",
                    "section": "section = %(section)s",
                    "contract": "contract = %(contract)s",
                    "language": "languages @> ARRAY[%(language)s]::text[]",
                }[column]
            )
        sql = f"""WITH m AS MATERIALIZED (
                    SELECT id, centre_id, section, published_on, ts_rank(tsv, query) AS rank
                    FROM bench_fts, ({"SELECT " + tsquery + " AS query"}) AS q
                    WHERE {" AND ".join(where)})
                  (SELECT 'top', id::text, rank FROM m ORDER BY rank DESC, published_on DESC LIMIT 20)
                  UNION ALL SELECT 'centre', centre_id::text, count(*) FROM m GROUP BY centre_id
                  UNION ALL SELECT 'section', section, count(*) FROM m GROUP BY section"""
        try:
            conn.execute(sql, params).fetchall()
            return False
        except psycopg.errors.QueryCanceled:
            return True

    run_all("postgres", subset(path), one)


# ---------------------------------------------------------------- SQLite FTS5


def fts5_setup(path):
    conn = sqlite3.connect(path)
    pages_before = conn.execute("PRAGMA page_count").fetchone()[0]
    start = time.perf_counter()
    conn.execute("DROP TABLE IF EXISTS bench_fts")
    pages_before = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
    conn.execute("CREATE VIRTUAL TABLE bench_fts USING fts5(title, description, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute(
        """INSERT INTO bench_fts (rowid, title, description)
           SELECT o.id, group_concat(t.title, ' '), group_concat(t.description, ' ')
           FROM offers o JOIN offer_texts t ON t.offer_id = o.id AND t.status IN ('original', 'reviewed')
           WHERE o.status = 'published' GROUP BY o.id"""
    )
    conn.execute("INSERT INTO bench_fts (bench_fts) VALUES ('optimize')")
    conn.commit()
    seconds = time.perf_counter() - start
    rows = conn.execute("SELECT count(*) FROM bench_fts").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    print(
        f"build runner=sqlite-fts5 rows={rows} seconds={seconds:.1f} size_mib={(pages - pages_before) * page_size / 1048576:.0f}",
        flush=True,
    )


def fts5_match(text):
    """The user's text as an FTS5 query: quoted phrases kept, other words
    each quoted (so that no character is FTS5 syntax), all ANDed."""
    parts = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts) or '""'


def fts5_run(path, queries_path):
    conn = sqlite3.connect(path)
    today = time.strftime("%Y-%m-%d")
    deadline = [0.0]
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline[0] else 0, 10_000)

    def one(q):
        where = ["bench_fts MATCH :match", "o.status = 'published'", "o.valid_through >= :today"]
        params = {"match": fts5_match(q["text"]), "today": today}
        for column in ("centre", "section", "contract", "language"):
            if q.get(column) is None:
                continue
            params[column] = q[column]
            where.append(
                {
                    "centre": "o.centre_id = (SELECT id FROM centres WHERE slug = :centre)",
                    "section": "o.section = :section",
                    "contract": "o.contract = :contract",
                    "language": "EXISTS (SELECT 1 FROM offer_languages l WHERE l.offer_id = o.id AND l.language = :language)",
                }[column]
            )
        sql = f"""WITH m AS MATERIALIZED (
                    SELECT o.id, o.centre_id, o.section, o.published_on, bench_fts.rank AS rank
                    FROM bench_fts JOIN offers o ON o.id = bench_fts.rowid
                    WHERE {" AND ".join(where)})
                  SELECT * FROM (SELECT 'top', id, rank FROM m ORDER BY rank, published_on DESC LIMIT 20)
                  UNION ALL SELECT 'centre', centre_id, count(*) FROM m GROUP BY centre_id
                  UNION ALL SELECT 'section', section, count(*) FROM m GROUP BY section"""
        deadline[0] = time.monotonic() + TIMEOUT_S
        try:
            conn.execute(sql, params).fetchall()
            return False
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                return True
            raise

    run_all("sqlite-fts5", subset(queries_path), one)


# ---------------------------------------------------------------- table


def parse(path):
    results, builds, other = {}, {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split()
            if not words:
                continue
            fields = dict(w.split("=", 1) for w in words[1:] if "=" in w)
            if words[0] == "result":
                results[(fields["runner"], fields["scope"], fields["class"])] = fields
            elif words[0] == "build":
                builds[fields["runner"]] = fields
            else:
                other.append(line.rstrip())
    return results, builds, other


def cell(r):
    if r is None:
        return "—"
    text = f"{float(r['p50']):.1f} / {float(r['p95']):.1f} / {float(r['p99']):.1f}"
    if int(r.get("timeouts", "0")):
        text += f" ({r['timeouts']} timed out)"
    return text


def table(path):
    results, _, _ = parse(path)
    print("Every fifth query of the mix (the competitors' subset), one client; p50 / p95 / p99 in ms:\n")
    runners = [("engine", "Sportello engine"), ("engine+db", "Sportello in-process, offers read back"),
               ("postgres", "PostgreSQL FTS"), ("sqlite-fts5", "SQLite FTS5")]
    print("| queries | n | " + " | ".join(name for _, name in runners) + " |")
    print("|---|---|" + "---|" * len(runners))
    for c in CLASSES:
        row = [results.get((r, "subset", c)) for r, _ in runners]
        n = next((x["n"] for x in row if x), None)
        if n:
            print(f"| {c.replace('_', ' ')} | {n} | " + " | ".join(cell(x) for x in row) + " |")
    print("\nThe whole mix (1,000 queries); p50 / p95 / p99 in ms:\n")
    runners = [("engine", "Sportello engine, one client"), ("engine+db", "in-process, offers read back"),
               ("http", "HTTP API, 16 clients")]
    print("| queries | n | " + " | ".join(name for _, name in runners) + " |")
    print("|---|---|" + "---|" * len(runners))
    for c in CLASSES:
        row = [results.get((r, "mix", c)) for r, _ in runners]
        n = next((x["n"] for x in row[:2] if x), None)
        if n:
            print(f"| {c.replace('_', ' ')} | {n} | " + " | ".join(cell(x) for x in row) + " |")
    for c in ("all", "text+2_facets"):
        ours, pg = results.get(("engine+db", "subset", c)), results.get(("postgres", "subset", c))
        lite = results.get(("sqlite-fts5", "subset", c))
        if ours and pg and lite:
            print(
                f"\np95 of {c.replace('_', ' ')}: PostgreSQL FTS / Sportello = {float(pg['p95']) / float(ours['p95']):.0f}×, "
                f"SQLite FTS5 / Sportello = {float(lite['p95']) / float(ours['p95']):.0f}×"
            )


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    commands = {
        "pg-setup": pg_setup,
        "pg-run": pg_run,
        "fts5-setup": fts5_setup,
        "fts5-run": fts5_run,
        "table": table,
    }
    if command not in commands:
        sys.exit(__doc__)
    commands[command](*args)


if __name__ == "__main__":
    main()

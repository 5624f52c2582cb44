"""Kennisbank search benchmark (`make bench`).

First the relevance (scripts/relevance.py: nDCG@10 and recall@10 on the judged
queries of learning/relevance/, per database and backend). Then, for each database
(SQLite and PostgreSQL) in a fresh database of its own: recombine N realistic
lessons (marked synthetic) from the relevance sets' real lessons, time their import
with the real importer, then run every judged query (with their filters) and the
broadest searches through the search contract (facets included) and through plain
Wagtail ``.search()`` on the same data. Reports p50/p95 and SQL queries per search,
and writes both tables to docs/benchmarks.md.

    .venv/bin/python scripts/bench.py [--lessons 20000] [--databases sqlite,postgres]
        [--name ln_bench] [--wagtail-budget 300] [--skip-relevance]

Each database runs in a child process (Django binds one database per process).
Plain Wagtail search on SQLite scores each match with a correlated subquery, so at
20,000 lessons one search takes a minute or more; its rounds therefore stop once
``--wagtail-budget`` seconds are spent, and the table says how many were measured.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASES = {
    "sqlite": "sqlite:////tmp/{name}.sqlite3",
    "postgres": "postgres://postgres@127.0.0.1:5432/{name}",
}
ROUNDS = 3
BROAD = [("jongeren", {}), ("", {}), ("", {"kennisbron": ["ervaringskennis"]})]
SETS = ROOT / "learning" / "relevance"


def judged_queries():
    """The mix: every judged query of the relevance sets (questions, keywords, typos,
    abbreviations, filters), plus the broadest word and two searches without words."""
    queries = []
    for path in sorted(SETS.glob("*/queries.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                queries.append((data["q"], data.get("filters", {})))
    return queries + BROAD


def source_lessons():
    """The lessons of the relevance sets: real Dutch text, 150-400 words each."""
    lessons = []
    for path in sorted(SETS.glob("*/lessons.jsonl")):
        lessons += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return lessons


def realistic_lines(n, seed=1627):
    """``n`` lessons recombined from the relevance sets' lessons: each takes its title,
    summary and five sections from different source lessons and the taxonomy of one of
    them, so the corpus has real vocabulary and word frequencies (and each lesson
    150-400 words), not made-up words."""
    rnd = random.Random(seed)
    pool = source_lessons()
    sections = ["context", "approach", "worked", "did_not_work", "tips"]
    for i in range(n):
        picks = rnd.sample(pool, 7)
        taxonomy = picks[0]
        record = {
            "id": f"synth-{i}",
            "title": picks[0]["title"],
            "summary": picks[1]["summary"],
            **{name: picks[2 + k][name] for k, name in enumerate(sections)},
            "date": f"{rnd.randint(2018, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "synthetic": True,
        }
        for key in ("life_domains", "target_groups", "sectors", "region", "knowledge_sources"):
            record[key] = taxonomy.get(key, [] if key != "region" else "")
        record["tags"] = taxonomy.get("tags", [])
        yield json.dumps(record, ensure_ascii=False)


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p
    low = int(k)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (k - low)


def child(n, wagtail_budget):
    """Runs inside the per-database process."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leernetwerk.settings.test")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import_seconds = load(n)
    settle()
    return measure(n, import_seconds=import_seconds, wagtail_budget=wagtail_budget)


def load(n):
    """Build the kennisbank and import ``n`` synthetic lessons; returns the seconds."""
    from learning import lessons_io
    from learning.factories import make_kennisbank
    from learning.models import Les
    from leernetwerk.core.factories import make_home
    from leernetwerk.taxonomy import demo as taxonomy_demo

    home = make_home()
    kennisbank = make_kennisbank(home)
    taxonomy_demo.load(home, lambda msg: None)
    # The lexicon and related terms are seeded by the migrations, as on a real site.

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for line in realistic_lines(n):
            fh.write(line + "\n")
        path = fh.name
    started = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        records, errors, vocab = lessons_io.validate(fh.read().splitlines())
    assert not errors, errors[:3]
    lessons_io.import_records(records, vocab, kennisbank)
    import_seconds = time.perf_counter() - started
    os.unlink(path)
    assert Les.objects.filter(synthetic=True).count() == n
    return import_seconds


def settle():
    """PostgreSQL: write the import's dirty pages out before the searches are timed,
    so the checkpoint that would follow anyway does not land in the middle of them
    (searches during a bulk import are not what the targets are about)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CHECKPOINT")


def measure(n, import_seconds, wagtail_budget):
    """Time the query mix through the contract and through plain Wagtail search."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learning.models import Les
    from learning.search import SearchRequest, search

    queries = judged_queries()
    contract_ms, wagtail_ms, query_counts = [], [], []
    for q, filters in queries:  # warm-up (caches, vocabulary)
        search(SearchRequest(q=q, filters=filters))
    for _ in range(ROUNDS):
        for q, filters in queries:
            request = SearchRequest(q=q, filters=filters)
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                search(request)
                contract_ms.append((time.perf_counter() - t0) * 1000)
            query_counts.append(len(ctx.captured_queries))
    wagtail_started = time.perf_counter()
    for _ in range(ROUNDS):
        for q, _filters in queries:
            if not q or time.perf_counter() - wagtail_started > wagtail_budget:
                continue
            t0 = time.perf_counter()
            list(Les.objects.live().search(q)[:10])
            wagtail_ms.append((time.perf_counter() - t0) * 1000)
    return {
        "vendor": connection.vendor,
        "lessons": n,
        "import_seconds": round(import_seconds, 1),
        "contract_p50": round(percentile(contract_ms, 0.5), 1),
        "contract_p95": round(percentile(contract_ms, 0.95), 1),
        "wagtail_p50": round(percentile(wagtail_ms, 0.5), 1),
        "wagtail_p95": round(percentile(wagtail_ms, 0.95), 1),
        "wagtail_searches": len(wagtail_ms),
        "queries_min": min(query_counts),
        "queries_max": max(query_counts),
        "queries_mean": round(statistics.mean(query_counts), 1),
        "searches": len(contract_ms),
    }


def fresh_database(vendor, name, drop_only=False):
    if vendor == "sqlite":
        Path(f"/tmp/{name}.sqlite3").unlink(missing_ok=True)  # noqa: S108 - bench file
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        if not drop_only:
            c.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


START, END = "<!-- bench:start -->", "<!-- bench:end -->"
RELEVANCE_START, RELEVANCE_END = "<!-- relevance:start -->", "<!-- relevance:end -->"


def write_table(results):
    lines = [
        START,
        "Measured by `make bench` (`scripts/bench.py`): lessons recombined from the",
        "relevance sets' real lessons (marked `synthetic`) imported with the real importer,",
        f"then every judged query of the relevance sets plus {len(BROAD)} broad searches",
        f"({ROUNDS} rounds) through the search contract, which always computes all eight",
        "facets, and through plain Wagtail `Les.objects.live().search(q)[:10]` (no facets,",
        "no filters) on the same data (its searches stop after the `--wagtail-budget`;",
        "the count is in the table).",
        "",
        "| Database | Lessons | Import (s) | Search p50 (ms) | Search p95 (ms) | "
        "Wagtail p50 (ms) | Wagtail p95 (ms) | Wagtail searches | SQL queries per search |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['lessons']} | {r['import_seconds']} | "
            f"{r['contract_p50']} | {r['contract_p95']} | {r['wagtail_p50']} | "
            f"{r['wagtail_p95']} | {r['wagtail_searches']} | "
            f"{r['queries_min']}–{r['queries_max']} (mean {r['queries_mean']}) |"
        )
    return "\n".join([*lines, END])


def save_table(path, table, start=START, end=END):
    """Replace the figures between the markers and keep the text around them."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + table + rest.split(end, 1)[1]
    else:
        text = text + "\n" + table + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def relevance(databases, output):
    """Run scripts/relevance.py and keep its table in the benchmarks page."""
    out = subprocess.run(  # noqa: S603 - the sibling script
        [sys.executable, str(ROOT / "scripts" / "relevance.py"), "--databases", databases],
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,  # the table; progress and errors go straight to stderr
        text=True,
    )
    table = out.stdout.strip()
    print(table)
    save_table(
        output,
        "\n".join(
            [
                RELEVANCE_START,
                "Measured by `make bench` (`scripts/relevance.py`): nDCG@10 and recall@10 of the",
                "judged queries of each relevance set (learning/relevance/), on the demo content",
                "plus the set's lessons, per database and backend; `woordoverlap` is the plain",
                "word-overlap ranking of the same documents, for comparison.",
                "",
                table,
                RELEVANCE_END,
            ]
        ),
        RELEVANCE_START,
        RELEVANCE_END,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=20000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--name", default="ln_bench", help="bench database name")
    parser.add_argument("--wagtail-budget", type=float, default=300, help="seconds")
    parser.add_argument("--skip-relevance", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(child(args.lessons, args.wagtail_budget)))
        return
    if not args.skip_relevance:
        relevance(args.databases, args.output)
    results = []
    for name in args.databases.split(","):
        fresh_database(name, args.name)
        env = {**os.environ, "DATABASE_URL": DATABASES[name].format(name=args.name)}
        print(f"{name}: {args.lessons} lessen importeren en doorzoeken…", flush=True)
        out = subprocess.run(  # noqa: S603 - runs this same script
            [
                *[sys.executable, __file__, "--child", "--lessons", str(args.lessons)],
                *["--wagtail-budget", str(args.wagtail_budget)],
            ],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(result, indent=2))
        results.append(result)
        fresh_database(name, args.name, drop_only=True)
    table = write_table(results)
    save_table(args.output, table)
    print(table)


if __name__ == "__main__":
    main()

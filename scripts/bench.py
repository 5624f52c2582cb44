"""Kennisbank search benchmark (`make bench`).

For each database (SQLite and PostgreSQL) in a fresh database of its own:
generate N synthetic lessons (marked synthetic) as JSON Lines, time their import with
the real importer, then run a fixed mix of queries with and without filters through
the search contract (facets included) and through plain Wagtail ``.search()`` on the
same data. Reports p50/p95, SQL queries per search and the ratio, and writes the
table to docs/benchmarks.md.

    .venv/bin/python scripts/bench.py [--lessons 20000] [--databases sqlite,postgres]
        [--name ln_bench] [--wagtail-budget 300]

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
QUERIES = [
    ("wonen", {}),
    ("jongeren werk", {}),
    ("toekomstplan", {"levensgebied": ["big5-wonen"]}),
    ("coach", {"sector": ["welzijn"], "jaar": ["2020"]}),
    ("schulden", {"thema": ["geld"]}),
    ("18-/18+", {}),
    ("AMV", {"levensgebied": ["relaties", "vrienden"]}),
    ("", {"kennisbron": ["ervaringskennis"]}),
    ("", {}),
    ("stage mbo", {"doelgroep": ["jongeren-zonder-startkwalificatie"]}),
]
ROUNDS = 5
WORDS = (
    "jongere jongeren woning wonen werk school stage mbo coach begeleiding netwerk "
    "toekomstplan schulden inkomen uitkering zorg welzijn regie overgang wijkteam gemeente "
    "leerplicht praktijkleren vrijwilliger familie vrienden relatie opvang kamer budget "
    "samenwerking afspraken plan doelen ervaring professional cijfers beleid"
).split()


def synthetic_lines(n, seed=1627):
    rnd = random.Random(seed)
    domains = ["werk", "scholing", "inkomen", "wonen", "vrienden", "relaties", "vrije-tijd", "zorg"]
    groups = [
        "jongeren-die-de-jeugdhulp-verlaten",
        "alleenstaande-minderjarige-vreemdelingen-amv",
        "jongeren-zonder-startkwalificatie",
        "dak-en-thuisloze-jongeren",
    ]
    sectors = ["welzijn", "jeugdhulp", "werk-inkomen", "onderwijs"]
    regions = ["venlo", "arnhem", "apeldoorn", "hengelo", "dordrecht", "leiden", ""]
    sources = ["ervaringskennis", "wetenschappelijke_kennis", "professionele_kennis"]
    themes = ["geld", "wonen", "school", "netwerk", "regie", "stage", "18-/18+", "zorg"]

    def sentence(k):
        return " ".join(rnd.choice(WORDS) for _ in range(k)).capitalize() + "."

    for i in range(n):
        yield json.dumps(
            {
                "id": f"synth-{i}",
                "title": f"Synthetische les {i}: {sentence(4)}",
                "summary": sentence(18),
                "context": sentence(30),
                "approach": sentence(30),
                "worked": sentence(20),
                "did_not_work": sentence(20),
                "tips": sentence(12),
                "life_domains": rnd.sample(domains, rnd.randint(1, 3)),
                "target_groups": rnd.sample(groups, rnd.randint(0, 2)),
                "sectors": rnd.sample(sectors, rnd.randint(1, 2)),
                "region": rnd.choice(regions),
                "knowledge_sources": rnd.sample(sources, rnd.randint(1, 2)),
                "tags": rnd.sample(themes, rnd.randint(1, 3)),
                "date": f"{rnd.randint(2018, 2024)}-{rnd.randint(1, 12):02d}-"
                f"{rnd.randint(1, 28):02d}",
                "synthetic": True,
            },
            ensure_ascii=False,
        )


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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from learning import lessons_io
    from learning.factories import make_kennisbank
    from learning.models import Les, Synoniemgroep
    from learning.search import SearchRequest, search
    from leernetwerk.core.factories import make_home
    from leernetwerk.taxonomy import demo as taxonomy_demo

    home = make_home()
    kennisbank = make_kennisbank(home)
    taxonomy_demo.load(home, lambda msg: None)
    for terms in [
        "AMV\nalleenstaande minderjarige vreemdeling",
        "18-/18+\novergang naar volwassenheid",
    ]:
        Synoniemgroep.objects.get_or_create(terms=terms)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for line in synthetic_lines(n):
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

    contract_ms, wagtail_ms, query_counts = [], [], []
    for q, filters in QUERIES:  # warm-up (caches, vocabulary)
        search(SearchRequest(q=q, filters=filters))
    for _ in range(ROUNDS):
        for q, filters in QUERIES:
            request = SearchRequest(q=q, filters=filters)
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                search(request)
                contract_ms.append((time.perf_counter() - t0) * 1000)
            query_counts.append(len(ctx.captured_queries))
    wagtail_started = time.perf_counter()
    for _ in range(ROUNDS):
        for q, _filters in QUERIES:
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


def fresh_database(vendor, name):
    if vendor == "sqlite":
        Path(f"/tmp/{name}.sqlite3").unlink(missing_ok=True)  # noqa: S108 - bench file
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        c.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def write_table(results, n):
    lines = [
        "# Benchmarks: kennisbank search",
        "",
        "Measured by `make bench` (`scripts/bench.py`): synthetic lessons (marked",
        "`synthetic`) imported with the real importer, then a fixed mix of "
        f"{len(QUERIES)} searches",
        f"(with and without facet filters, {ROUNDS} rounds) through the search contract,",
        "which always computes all eight facets, and through plain Wagtail",
        "`Les.objects.live().search(q)[:10]` (no facets, no filters) on the same data",
        "(its searches stop after the `--wagtail-budget`; the count is in the table).",
        "",
        "| Database | Lessons | Import (s) | Search p50 (ms) | Search p95 (ms) | "
        "Wagtail p50 (ms) | Wagtail p95 (ms) | Wagtail searches | p95 ratio | "
        "SQL queries per search |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ratio = r["contract_p95"] / r["wagtail_p95"] if r["wagtail_p95"] else float("nan")
        lines.append(
            f"| {r['vendor']} | {r['lessons']} | {r['import_seconds']} | {r['contract_p50']} | "
            f"{r['contract_p95']} | {r['wagtail_p50']} | {r['wagtail_p95']} | "
            f"{r['wagtail_searches']} | {ratio:.3g} | "
            f"{r['queries_min']}–{r['queries_max']} (mean {r['queries_mean']}) |"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=20000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--name", default="ln_bench", help="bench database name")
    parser.add_argument("--wagtail-budget", type=float, default=300, help="seconds")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(child(args.lessons, args.wagtail_budget)))
        return
    results = []
    for name in args.databases.split(","):
        fresh_database(name, args.name)
        env = {**os.environ, "DATABASE_URL": DATABASES[name].format(name=args.name)}
        print(f"{name}: {args.lessons} lessen genereren, importeren en doorzoeken…", flush=True)
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
    table = write_table(results, args.lessons)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()

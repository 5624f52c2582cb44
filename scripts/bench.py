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
    ("jongeren", {}),  # the domain's broadest word: about half of the realistic lessons
]
ROUNDS = 10
WORDS = (
    "jongere jongeren woning wonen werk school stage mbo coach begeleiding netwerk "
    "toekomstplan schulden inkomen uitkering zorg welzijn regie overgang wijkteam gemeente "
    "leerplicht praktijkleren vrijwilliger familie vrienden relatie opvang kamer budget "
    "samenwerking afspraken plan doelen ervaring professional cijfers beleid"
).split()


# The "realistic" corpus: each topical word occurs in about this share of the lessons
# (a guess at a kennisbank about young people: most lessons mention jongeren, few
# mention leerplicht); the rest of each text is drawn from a Zipf-distributed filler
# vocabulary of made-up words and Dutch function words, as real text is.
TOPICAL = {
    "jongeren": 0.6, "jongere": 0.3, "werk": 0.3, "wonen": 0.15, "woning": 0.1,
    "school": 0.2, "stage": 0.05, "mbo": 0.08, "coach": 0.1, "begeleiding": 0.25,
    "netwerk": 0.2, "toekomstplan": 0.08, "schulden": 0.06, "inkomen": 0.1,
    "uitkering": 0.05, "zorg": 0.2, "welzijn": 0.1, "regie": 0.08, "overgang": 0.08,
    "wijkteam": 0.1, "gemeente": 0.3, "leerplicht": 0.03, "praktijkleren": 0.02,
    "vrijwilliger": 0.04, "familie": 0.08, "vrienden": 0.06, "relatie": 0.05,
    "opvang": 0.05, "kamer": 0.04, "budget": 0.05, "samenwerking": 0.2,
    "afspraken": 0.2, "plan": 0.15, "doelen": 0.1, "ervaring": 0.15,
    "professional": 0.15, "cijfers": 0.03, "beleid": 0.1, "AMV": 0.02,
    "alleenstaande minderjarige vreemdeling": 0.02,
}  # fmt: skip
FUNCTION_WORDS = "de het een en van in op met voor aan door bij naar om als dat die er".split()
CORPORA = ("realistisch", "uniform")


def filler_vocabulary(rnd, size=4000):
    """Made-up words of two or three syllables, most frequent first."""
    onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z"]
    vowels = ["a", "e", "i", "o", "u", "aa", "ee", "oe", "ij", "ui"]
    codas = ["", "", "n", "r", "l", "k", "s", "t", "nd", "rk"]
    vocabulary = list(FUNCTION_WORDS)
    seen = set(vocabulary)
    while len(vocabulary) < size:
        word = "".join(
            rnd.choice(onsets) + rnd.choice(vowels) + rnd.choice(codas)
            for _ in range(rnd.choice((2, 3)))
        )
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    return vocabulary


def synthetic_lines(n, seed=1627, corpus="uniform"):
    rnd = random.Random(seed)
    if corpus == "realistisch":
        vocabulary = filler_vocabulary(rnd)
        weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]  # Zipf, s = 1

        def text(k):
            words = rnd.choices(vocabulary, weights, k=k)
            for word, share in TOPICAL.items():
                # A text of k words mentions the word with the share of a ~160-word lesson.
                if rnd.random() < share * k / 160:
                    words.insert(rnd.randrange(len(words) + 1), word)
            return " ".join(words).capitalize() + "."
    else:

        def text(k):
            return " ".join(rnd.choice(WORDS) for _ in range(k)).capitalize() + "."

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

    for i in range(n):
        yield json.dumps(
            {
                "id": f"synth-{i}",
                "title": f"Synthetische les {i}: {text(4)}",
                "summary": text(18),
                "context": text(30),
                "approach": text(30),
                "worked": text(20),
                "did_not_work": text(20),
                "tips": text(12),
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


def child(n, wagtail_budget, corpus):
    """Runs inside the per-database process."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leernetwerk.settings.test")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import_seconds = load(n, corpus)
    settle()
    result = measure(n, import_seconds=import_seconds, wagtail_budget=wagtail_budget)
    return {**result, "corpus": corpus}


def load(n, corpus):
    """Build the kennisbank and import ``n`` synthetic lessons; returns the seconds."""
    from learning import lessons_io
    from learning.factories import make_kennisbank
    from learning.models import Les, Synoniemgroep
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
        for line in synthetic_lines(n, corpus=corpus):
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


def write_table(results):
    lines = [
        START,
        "Measured by `make bench` (`scripts/bench.py`): synthetic lessons (marked",
        "`synthetic`) imported with the real importer, then a fixed mix of "
        f"{len(QUERIES)} searches",
        f"(with and without facet filters, {ROUNDS} rounds) through the search contract,",
        "which always computes all eight facets, and through plain Wagtail",
        "`Les.objects.live().search(q)[:10]` (no facets, no filters) on the same data",
        "(its searches stop after the `--wagtail-budget`; the count is in the table).",
        "",
        "| Corpus | Database | Lessons | Import (s) | Search p50 (ms) | Search p95 (ms) | "
        "Wagtail p50 (ms) | Wagtail p95 (ms) | Wagtail searches | p95 ratio | "
        "SQL queries per search |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ratio = r["contract_p95"] / r["wagtail_p95"] if r["wagtail_p95"] else float("nan")
        lines.append(
            f"| {r['corpus']} | {r['vendor']} | {r['lessons']} | {r['import_seconds']} | "
            f"{r['contract_p50']} | {r['contract_p95']} | {r['wagtail_p50']} | "
            f"{r['wagtail_p95']} | {r['wagtail_searches']} | {ratio:.3g} | "
            f"{r['queries_min']}–{r['queries_max']} (mean {r['queries_mean']}) |"
        )
    return "\n".join([*lines, END])


def save_table(path, table):
    """Replace the figures between the markers and keep the text around them."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + table + rest.split(END, 1)[1]
    else:
        text = "# Benchmarks: kennisbank search\n\n" + table + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=20000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--name", default="ln_bench", help="bench database name")
    parser.add_argument("--wagtail-budget", type=float, default=300, help="seconds")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="realistisch,uniform")
    parser.add_argument("--child", choices=CORPORA, help=argparse.SUPPRESS)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(child(args.lessons, args.wagtail_budget, args.child)))
        return
    results = []
    for corpus in args.corpora.split(","):
        for name in args.databases.split(","):
            fresh_database(name, args.name)
            env = {**os.environ, "DATABASE_URL": DATABASES[name].format(name=args.name)}
            print(f"{corpus}, {name}: {args.lessons} lessen importeren en doorzoeken…", flush=True)
            out = subprocess.run(  # noqa: S603 - runs this same script
                [
                    *[sys.executable, __file__, "--child", corpus, "--lessons", str(args.lessons)],
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

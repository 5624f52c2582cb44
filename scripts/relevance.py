"""Relevance of the kennisbank search (part of `make bench`).

For each database (SQLite, PostgreSQL), in a fresh database of its own: migrate,
load the demo content, then per relevance set (learning/relevance/<set>/) import its
lessons, run its judged queries through the search contract on the database
backend and on the Elasticsearch peer, score the first ten hits (nDCG@10,
recall@10; learning/search/evaluation.py) and remove the set's lessons again. A
plain word-overlap ranking of the same documents is the baseline.

    .venv/bin/python scripts/relevance.py [--sets ontwikkel,controle]
        [--databases sqlite,postgres] [--backends database,elasticsearch] [--verbose]

The Elasticsearch peer is ELASTICSEARCH_URL when set, otherwise the in-memory
osmem server (which speaks the API but is not the real engine).
"""

import argparse
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import DATABASES, fresh_database  # noqa: E402 - the sibling script

NAME = "ln_relevance"


def child(sets, backends, verbose):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leernetwerk.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    results = []
    for name in sets:
        imported = load_set(name)
        for backend in backends:
            outcomes = run(name, backend)
            results.append(report(name, backend, connection.vendor, outcomes, verbose))
        results.append(report(name, "woordoverlap", connection.vendor, baseline(name), verbose))
        remove(imported)
    return results


def load_set(name):
    from learning import lessons_io
    from learning.models import KennisbankPage
    from learning.search.evaluation import lessons_file

    lines = lessons_file(name).read_text(encoding="utf-8").splitlines()
    records, errors, vocab = lessons_io.validate(lines)
    if errors:
        raise SystemExit(f"{name}: {errors[:3]}")
    lessons_io.import_records(records, vocab, KennisbankPage.objects.get())
    return [record.data["id"] for record in records]


def remove(external_ids):
    from learning.models import Les

    for page in Les.objects.filter(external_id__in=external_ids):
        page.delete()


def keys_by_url():
    from wagtail.models import Page

    from learning.models import Les

    lessons = dict(Les.objects.values_list("pk", "external_id"))
    result = {}
    for page in Page.objects.live().filter(depth__gt=2):
        result[page.url] = lessons.get(page.pk) or f"page:{page.slug}"
    return result


def run(name, backend):
    from django.conf import settings

    from learning.search import SearchRequest
    from learning.search.database import DatabaseBackend
    from learning.search.evaluation import load_queries, score

    keys = keys_by_url()
    if backend == "database":
        engine = DatabaseBackend()
    else:
        engine = elastic_backend(settings)
    outcomes = []
    for query in load_queries(name):
        response = engine.search(SearchRequest(q=query.q, filters=query.filters, page_size=10))
        if backend != "database" and response.backend != "elasticsearch":
            raise SystemExit(f"Elasticsearch answered not itself: {response.notice}")
        outcomes.append(score(query, [keys.get(hit.url, hit.url) for hit in response.hits]))
    return outcomes


_es = {}


def elastic_backend(settings):
    """The ES peer with every live page indexed (a fresh index per set)."""
    from wagtail.models import Page

    from learning.search.elastic import ElasticsearchBackend

    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        if "server" not in _es:
            from osmem_server import OsmemServer

            _es["server"] = OsmemServer.start().__enter__()
        url = _es["server"].url
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX = f"leernetwerk-relevance-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url)
    ids = list(Page.objects.live().filter(depth__gt=2).values_list("pk", flat=True))
    backend.rebuild(ids)
    backend.client.indices.refresh(index=settings.ELASTICSEARCH_INDEX)
    return backend


def baseline(name):
    from learning.search import SearchRequest
    from learning.search.database import DatabaseBackend
    from learning.search.evaluation import load_queries, overlap_ranking, score
    from learning.search.results import specific_pages

    keys = keys_by_url()
    backend = DatabaseBackend()
    texts = {}
    from wagtail.models import Page

    for page in specific_pages(list(Page.objects.live().filter(depth__gt=2))).values():
        body = page.search_text() if hasattr(page, "search_text") else ""
        texts[keys.get(page.url)] = f"{page.title} {body}"
    outcomes = []
    for query in load_queries(name):
        # The filters as the search applies them: the pages the same request without
        # words returns.
        unfiltered = backend.search(
            SearchRequest(filters=query.filters, page_size=50, page=1)
        ).total
        allowed = set()
        for page in range(1, unfiltered // 50 + 2):
            response = backend.search(SearchRequest(filters=query.filters, page_size=50, page=page))
            allowed |= {keys.get(hit.url) for hit in response.hits}
        outcomes.append(score(query, overlap_ranking(query, texts, allowed)))
    return outcomes


def report(name, backend, vendor, outcomes, verbose):
    from learning.search.evaluation import by_kind, summary

    ndcg, recall, empty = summary(outcomes)
    if verbose:
        for o in sorted(outcomes, key=lambda o: o.ndcg):
            print(f"  {vendor}/{backend} {o.query.id} {o.ndcg:.2f} {o.query.q!r}", file=sys.stderr)
    return {
        "set": name,
        "backend": backend,
        "vendor": vendor,
        "queries": len(outcomes),
        "ndcg": round(ndcg, 3),
        "recall": round(recall, 3),
        "empty": empty,
        "kinds": {k: [n, round(v, 3)] for k, (n, v) in by_kind(outcomes).items()},
        "per_query": {o.query.id: round(o.ndcg, 3) for o in outcomes},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="ontwikkel,controle")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    backends = [b for b in args.backends.split(",") if b]
    if args.child:
        print(json.dumps(child(sets, backends, args.verbose)))
        return
    results = []
    for vendor in args.databases.split(","):
        fresh_database(vendor, NAME)
        env = {**os.environ, "DATABASE_URL": DATABASES[vendor].format(name=NAME)}
        command = [sys.executable, __file__, "--child", "--sets", args.sets]
        command += ["--backends", args.backends] + (["--verbose"] if args.verbose else [])
        out = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        sys.stderr.write(out.stderr)  # the child's progress, and its traceback when it fails
        if out.returncode:
            sys.exit(f"De meting op {vendor} mislukte (zie hierboven).")
        results += json.loads(out.stdout.strip().splitlines()[-1])
        fresh_database(vendor, NAME, drop_only=True)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


def table(results):
    lines = [
        "| Set | Database | Backend | Queries | nDCG@10 | recall@10 | Zero results |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['set']} | {r['vendor']} | {r['backend']} | {r['queries']} | "
            f"{r['ndcg']:.3f} | {r['recall']:.3f} | {r['empty']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()

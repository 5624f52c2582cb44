"""make loadtest: a bounded load test of `make serve` on this machine (locust, from PyPI).

Starts `scripts/serve` when nothing answers on 127.0.0.1:PORT (and stops it afterwards),
creates the demo professional and plan (`manage.py demo_plan`), then runs, in one go:

1. one phase per kind of request, each with the same USERS for PHASE seconds and only
   that request: a static file (WhiteNoise), a cached anonymous page (the home page),
   a kennisbank search (rotating terms, never cached) and a logged-in plan page;
2. a mixed phase: USERS for DURATION seconds at once (anonymous visitors, searchers,
   professionals in their plan, static files), where every request must succeed.

Reports requests per second and p50/p95/p99 (ms) per kind and phase, the cached page's
requests per second as a ratio to the static file's (target >= 0.5) and the search p95
under mixed load. `--write-docs` puts the table in docs/benchmarks.md.

Only loopback addresses are accepted as the target; every phase stops by itself.
"""

import argparse
import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import re
import signal
import statistics
import struct
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

from locust import FastHttpUser, constant, task
from locust.env import Environment

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- loadtest:start -->", "<!-- loadtest:end -->"
LOOPBACK = ("127.", "localhost", "[::1]")
SEARCH_TERMS = ["wonen", "jongeren", "school", "werk", "schulden", "zorg", "stage", "netwerk"]
ANONYMOUS_PAGES = ["/", "/kennisbank/", "/pilots/", "/personas/", "/nieuws/"]
TARGET_RATIO = 0.5


# Timings ----------------------------------------------------------------------------------


class Recorder:
    """Every response time (ms) and failure per request name, from locust's request event."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.times, self.failures, self.examples = {}, {}, {}

    def __call__(self, name, response_time, exception=None, **kwargs):
        self.times.setdefault(name, []).append(response_time)
        if exception is not None:
            self.failures[name] = self.failures.get(name, 0) + 1
            self.examples.setdefault(name, repr(exception)[:200])

    def row(self, name, seconds):
        times = sorted(self.times.get(name, []))
        if len(times) < 2:
            return {"name": name, "requests": len(times), "rps": 0, "failures": 0}
        cuts = statistics.quantiles(times, n=100, method="inclusive")
        return {
            "name": name,
            "requests": len(times),
            "rps": len(times) / seconds,
            "p50": cuts[49],
            "p95": cuts[94],
            "p99": cuts[98],
            "failures": self.failures.get(name, 0),
        }


# What the simulated users do ----------------------------------------------------------------


def user_classes(setup):
    """Locust user classes for the URLs and login found in ``setup``."""

    class Static(FastHttpUser):
        wait_time = constant(0)

        @task
        def static(self):
            self.client.get(setup["static"], name="statisch bestand")

    class CachedPage(FastHttpUser):
        wait_time = constant(0)

        @task
        def page(self):
            with self.client.get("/", name="gecachete pagina", catch_response=True) as r:
                if r.headers.get("X-Cache") != "HIT":
                    r.failure(f"niet uit de paginacache: X-Cache={r.headers.get('X-Cache')}")

    class Search(FastHttpUser):
        wait_time = constant(0)

        def on_start(self):
            self.turn = 0

        @task
        def search(self):
            self.turn += 1
            term = SEARCH_TERMS[self.turn % len(SEARCH_TERMS)]
            self.client.get(f"/kennisbank/?q={term}", name="zoeken")

    class Plan(FastHttpUser):
        """A professional in their plan: logged in once by prepare(), the session shared."""

        wait_time = constant(0)

        @task
        def plan(self):
            with self.client.get(
                setup["plan"],
                headers={"Cookie": setup["cookie"]},
                name="plan (ingelogd)",
                allow_redirects=False,
                catch_response=True,
            ) as r:
                if r.status_code != 200 or "Toekomstplan" not in r.text:
                    r.failure(f"geen plan maar {r.status_code}")

    class Visitor(FastHttpUser):
        """The mixed phase's anonymous visitor: cached pages, now and then a search."""

        wait_time = constant(0)

        def on_start(self):
            self.turn = 0

        @task(8)
        def page(self):
            self.turn += 1
            url = ANONYMOUS_PAGES[self.turn % len(ANONYMOUS_PAGES)]
            self.client.get(url, name="gecachete pagina")

        @task(2)
        def search(self):
            Search.search(self)

    return {"static": Static, "page": CachedPage, "search": Search, "plan": Plan, "mix": Visitor}


def run_phase(host, classes, users, seconds):
    """Run ``classes`` (fixed counts, summing to ``users``) for ``seconds``; the recorder."""
    recorder = Recorder()
    for cls, count in classes:
        cls.fixed_count = count
    env = Environment(user_classes=[cls for cls, _ in classes], host=host)
    env.events.request.add_listener(recorder)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    time.sleep(2)  # every user started and warm: measure from here
    recorder.reset()
    started = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - started
    runner.quit()
    return recorder, elapsed


# The server ---------------------------------------------------------------------------------


def healthy(host):
    try:
        with urlopen(host + "/health/", timeout=2) as response:  # noqa: S310 (loopback only)
            return response.status == 200
    except (URLError, OSError):
        return False


def start_server(port, log_path):
    print(f"Geen server op poort {port}: make serve wordt gestart (log: {log_path}).")
    log = open(log_path, "w")  # noqa: SIM115 (kept open for the server's lifetime)
    return subprocess.Popen(  # noqa: S603 - the project's own script
        [str(ROOT / "scripts" / "serve")],
        cwd=ROOT,
        env={**os.environ, "PORT": str(port)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(host, server, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if healthy(host):
            return
        if server is not None and server.poll() is not None:
            sys.exit("make serve stopte; zie de log.")
        time.sleep(1)
    sys.exit(f"{host}/health/ gaf na {timeout} s nog geen 200.")


def serve_environment():
    """The environment scripts/serve gives the server, for manage.py demo_plan."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "leernetwerk.settings.production"}
    env.setdefault("SECRET_KEY", (ROOT / "var" / "secret-key.txt").read_text().strip())
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.update(LOCAL_HTTP="true", ALLOWED_HOSTS="127.0.0.1,localhost")
    return env


def totp(secret, at=None):
    """The current TOTP code for ``secret`` (RFC 6238, 30 s, 6 digits), as an app shows it."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


def _post_form(opener, url, fields):
    """GET ``url``, then POST its form with the CSRF token and ``fields``; the final URL."""
    with opener.open(url, timeout=30) as response:  # noqa: S310 (loopback only)
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
    request = Request(url, data=data, headers={"Referer": url})  # noqa: S310
    with opener.open(request, timeout=30) as response:  # noqa: S310 (loopback only)
        return response.geturl()


TWO_FACTOR_PATH = "/account/tweestapsverificatie/"  # allauth.mfa under the Dutch URL


def log_in(host, username, password, secret):
    """The session cookie of a real login: the login form, then the two-factor code."""
    jar = http.cookiejar.CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    landed = _post_form(
        opener, host + "/account/inloggen/", {"login": username, "password": password}
    )
    if TWO_FACTOR_PATH in landed:
        step = landed
        landed = _post_form(opener, step, {"code": totp(secret)})
        if TWO_FACTOR_PATH in landed:
            # allauth refuses a code used before: wait for the next one, as a person would.
            time.sleep(30 - time.time() % 30 + 1)
            landed = _post_form(opener, step, {"code": totp(secret)})
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies or "/inloggen/" in landed or TWO_FACTOR_PATH in landed:
        sys.exit(f"Inloggen als demo-professional mislukt (bleef op {landed}).")
    # Logged in for real: the profile answers instead of sending us to the login form.
    with opener.open(host + "/account/", timeout=30) as response:  # noqa: S310 (loopback only)
        if "/inloggen/" in response.geturl():
            sys.exit("Inloggen als demo-professional mislukt: de sessie is niet ingelogd.")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def prepare(host):
    result = subprocess.run(  # noqa: S603 - the project's own manage.py
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "demo_plan"],
        cwd=ROOT,
        env=serve_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    setup = json.loads(result.stdout.strip().splitlines()[-1])
    with urlopen(host + "/", timeout=30) as response:  # noqa: S310 (loopback only)
        html = response.read().decode()
    setup["static"] = re.search(r'href="(/static/css/site[^"]*\.css)"', html).group(1)
    setup["cookie"] = log_in(host, setup["username"], setup["password"], setup["totp"])
    for url in ANONYMOUS_PAGES:  # fill the page cache
        urlopen(host + url, timeout=30).close()  # noqa: S310 (loopback only)
    return setup


# Report -------------------------------------------------------------------------------------


def fmt(value, digits=1):
    return f"{value:,.{digits}f}".replace(",", " ")


def table(rows):
    lines = [
        "| Phase | Request | Users | Requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | Errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for phase, users, row in rows:
        if row["requests"] < 2:
            continue
        lines.append(
            f"| {phase} | {row['name']} | {users} | {row['requests']} | {fmt(row['rps'])} | "
            f"{fmt(row['p50'])} | {fmt(row['p95'])} | {fmt(row['p99'])} | {row['failures']} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--phase", type=int, default=15, help="seconds per single phase")
    parser.add_argument("--duration", type=int, default=60, help="seconds of the mixed phase")
    parser.add_argument("--write-docs", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    if not args.host.startswith(LOOPBACK):
        sys.exit("Alleen tegen deze machine (127.0.0.1/localhost).")
    host = f"http://{args.host}:{args.port}"

    server = None
    if not healthy(host):
        server = start_server(args.port, ROOT / "var" / "loadtest-serve.log")
    try:
        wait_for(host, server)
        setup = prepare(host)
        classes = user_classes(setup)
        users = args.users
        rows, errors = [], 0
        single = {}
        for kind, name in [
            ("static", "statisch bestand"),
            ("page", "gecachete pagina"),
            ("search", "zoeken"),
            ("plan", "plan (ingelogd)"),
        ]:
            print(f"Fase {kind}: {users} gebruikers, {args.phase} s ...", flush=True)
            recorder, seconds = run_phase(host, [(classes[kind], users)], users, args.phase)
            single[kind] = recorder.row(name, seconds)
            rows.append((f"alleen {kind}", users, single[kind]))
            errors += sum(recorder.failures.values())
        mix = [
            (classes["mix"], users // 2),
            (classes["plan"], users // 4),
            (classes["static"], users - users // 2 - users // 4),
        ]
        print(f"Gemengde fase: {users} gebruikers, {args.duration} s ...", flush=True)
        recorder, seconds = run_phase(host, mix, users, args.duration)
        mixed = {}
        for name in ["gecachete pagina", "zoeken", "plan (ingelogd)", "statisch bestand"]:
            mixed[name] = recorder.row(name, seconds)
            rows.append(("gemengd", users, mixed[name]))
        mixed_errors = sum(recorder.failures.values())
        for name, example in recorder.examples.items():
            print(f"  fout bij {name}: {example}")
    finally:
        if server is not None and server.poll() is None:  # it may have stopped by itself
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)

    ratio = single["page"]["rps"] / single["static"]["rps"]
    report = "\n".join(
        [
            table(rows),
            "",
            f"- Cached page / static file, requests per second: **{ratio:.2f}** "
            f"(target >= {TARGET_RATIO}: {'met' if ratio >= TARGET_RATIO else 'NOT met'}).",
            f"- Search p95 under mixed load: **{fmt(mixed['zoeken']['p95'])} ms**; "
            f"alone: {fmt(single['search']['p95'])} ms.",
            f"- Errors in the mixed phase ({users} users, {args.duration} s): **{mixed_errors}**"
            f" (single phases: {errors}).",
        ]
    )
    print("\n" + report)
    if args.write_docs:
        text = DOCS.read_text()
        block = f"{START}\n{report}\n{END}"
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), block, text, flags=re.S)
        DOCS.write_text(text)
        print(f"\n{DOCS.relative_to(ROOT)} bijgewerkt.")
    return 0 if ratio >= TARGET_RATIO and mixed_errors == 0 and errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

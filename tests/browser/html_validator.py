"""The Nu Html Checker (vnu-jar from npm, under var/node) as a local HTTP service.

The JVM takes seconds to start, so one checker serves a whole test session (one per
xdist worker); each page is POSTed to it. It binds to 127.0.0.1 only and needs no
network: the schemas are inside the jar.
"""

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[2] / "var/node/node_modules/vnu-jar/build/dist/vnu.jar"

# Messages the checker reports as errors that we accept, each with the reason.
# Keep this list short: a filtered message must be the checker's fault, not ours.
IGNORED_ERRORS = ()


def missing_reason():
    """Why the checker cannot run here, or None."""
    if not shutil.which("java"):
        return "java ontbreekt (apt-get install default-jre-headless)"
    if not VNU_JAR.exists():
        return f"{VNU_JAR} ontbreekt; draai make install (npm-pakket vnu-jar)"
    return None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HtmlChecker:
    def __init__(self):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/?out=json"
        self.process = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [  # noqa: S607 (java from PATH, as the JDK installs it)
                "java",
                "-Xmx512m",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_ready()

    def _wait_until_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("De HTML-checker (vnu) stopte bij het starten.")
            try:
                self.messages("<!DOCTYPE html><html lang=nl><title>x</title></html>")
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("De HTML-checker (vnu) startte niet binnen de tijd.")

    def messages(self, html):
        request = urllib.request.Request(  # noqa: S310 (our own http://127.0.0.1 URL)
            self.url,
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return json.load(response)["messages"]

    def errors(self, html):
        """The checker's errors (not its warnings or info), minus the accepted ones."""
        return [
            message
            for message in self.messages(html)
            if message["type"] in ("error", "non-document-error")
            and not any(ignored in message.get("message", "") for ignored in IGNORED_ERRORS)
        ]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def report(errors, url):
    lines = [f"{len(errors)} HTML-fout(en) op {url}:"]
    for error in errors:
        lines.append(f"  regel {error.get('lastLine', '?')}: {error.get('message')}")
        if error.get("extract"):
            lines.append(f"      {error['extract'].strip()}")
    return "\n".join(lines)

"""Every public page on a slow 3G line, in Chromium against the real server (`garda serve`) with the demo data:
the time from navigation to the page's `load` event, first visit (empty cache), and the bytes that crossed the
line. Goal: under 1 s for each page.

The line is WebPageTest's "3G Slow" profile, emulated by Chromium (DevTools protocol): 400 ms round trip,
400 kbit/s down and up. (Chrome DevTools' own "Slow 3G" preset multiplies its latency by five, to 2 s a request: no
page of any site loads under a second on it, so it cannot be what a one-second goal means.) The job-offer check is
also measured from pressing its button to the answer's `load`.

    python bench/bench_public_pages.py
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

GARDA = str(Path(sys.executable).parent / "garda")
LINE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
PAGES = [
    "/",
    "/publik/perusahaan/",
    "/publik/perusahaan/?q=sinar+jaya",
    "/publik/tawaran-kerja/",
    "/publik/aman/",
    "/publik/statistik/",
    "/publik/sertifikat/",
    "/pengaduan/",
    "/pengaduan/lanjut/",
]
RUNS = 3
GOAL_MS = 1000
TIMING = """() => { const n = performance.getEntriesByType('navigation')[0];
  const bytes = performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize);
  return [n.loadEventEnd - n.startTime, bytes]; }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _measure(browser: Any, base: str, path: str, submit: bool = False) -> tuple[float, int]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if submit:
        page.goto(base + path)
        cdp.send("Network.emulateNetworkConditions", LINE)
        page.select_option("#id_country", "KH")
        page.select_option("#id_job", "online")
        page.fill("#id_description", "Gaji 20 juta tanpa pengalaman, paspor nanti dipegang bos.")
        page.click("button[type=submit]")
        page.wait_for_load_state("load")
    else:
        cdp.send("Network.emulateNetworkConditions", LINE)
        page.goto(base + path, wait_until="load")
    elapsed, size = page.evaluate(TIMING)
    context.close()
    return float(elapsed), int(size)


def main() -> None:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        sys.exit("Chromium is needed: make browser-check")
    work = Path(tempfile.mkdtemp(prefix="garda-bench-public-"))
    env = {**os.environ, "GARDA_DATA_DIR": str(work)}
    env.pop("DATABASE_URL", None)  # page weight and round trips do not depend on the database
    subprocess.run([GARDA, "migrate", "-v0"], env=env, check=True)
    subprocess.run([GARDA, "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [GARDA, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    worst = 0.0
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).read()  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
            print(f"slow 3G (400 ms RTT, 400 kbit/s), first visit, median of {RUNS}; goal < {GOAL_MS} ms per page")
            for path, submit in [(p, False) for p in PAGES] + [("/publik/tawaran-kerja/", True)]:
                runs = [_measure(browser, base, path, submit) for _ in range(RUNS)]
                median = statistics.median(t for t, _ in runs)
                worst = max(worst, median)
                label = f"{path} (answer)" if submit else path
                print(f"  {label:<40} {median:6.0f} ms  {runs[0][1] / 1024:5.1f} KB")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"slowest page {worst:.0f} ms (goal < {GOAL_MS} ms): {'met' if worst < GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()

"""nginx with deploy/nginx.conf in front of local replicas, for the failover test and the
benchmark: the deploy config with only its addresses and file locations changed."""

from __future__ import annotations

import os
import re
import subprocess
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from tests.e2e.conftest import ROOT, Server, free_port

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"

TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def _replace_once(pattern: str, new: str, text: str) -> str:
    text, count = re.subn(pattern, new, text, flags=re.MULTILINE)
    assert count == 1, f"deploy/nginx.conf should have exactly one match for {pattern!r}"
    return text


def loopback_config(folder: Path, replicas: list[str], port: int) -> str:
    """deploy/nginx.conf with loopback addresses and every file it writes inside `folder`."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    for number, address in enumerate(replicas, start=1):
        text = _replace_once(rf"\bserver\s+app-{number}:8501\b", f"server {address}", text)
    text = _replace_once(r"\blisten\s+80\s*;", f"listen 127.0.0.1:{port};", text)
    assert "$upstream_addr" in text, "the access log should say which replica served"
    # The access log (after its log_format), into the folder.
    log = str(folder / "access.log")
    text = _replace_once(r"^(\s*access_log\s+)\S+", rf"\g<1>{log}", text)
    # Drop what else writes outside the folder (or switches user); say it again, inside it.
    directives = r"user|pid|error_log|\w+_temp_path"
    text = re.sub(rf"^\s*(?:{directives})\s[^;]*;[^\n]*\n", "", text, flags=re.MULTILINE)
    main = [f"pid {folder / 'nginx.pid'};", f"error_log {folder / 'error.log'} info;"]
    if os.geteuid() == 0:
        main.append("user root;")  # workers must reach the temp folders below (mode 0700)
    http = []
    for kind in TEMP_PATHS:
        (folder / f"{kind}_temp").mkdir()
        http.append(f"{kind}_temp_path {folder / f'{kind}_temp'};")
    (folder / "static_cache").mkdir()
    text = _replace_once(r"^(\s*proxy_cache_path\s+)\S+", rf"\g<1>{folder / 'static_cache'}", text)
    text = _replace_once(r"^http\s*\{", "http {\n    " + "\n    ".join(http), text)
    return "\n".join(main) + "\n" + text


def wait_for_health(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = Path(process.args[process.args.index("-e") + 1])
            raise AssertionError(f"nginx exited early:\n{log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url}/_stcore/health did not answer within {seconds:.0f} s")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def address(server: Server) -> str:
    return server.url.removeprefix("http://")


def start_proxy(cleanup: ExitStack, nginx: str, folder: Path, replicas: list[Server]) -> str:
    """nginx with the deploy config in front of these replicas; returns its address."""
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(loopback_config(folder, [address(r) for r in replicas], port))
    stderr = (folder / "nginx.stderr").open("w")
    cleanup.callback(stderr.close)
    proxy = subprocess.Popen(
        [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf),
         "-g", "daemon off;"],
        stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr,
    )  # fmt: skip
    cleanup.callback(stop_process, proxy)
    front = f"http://127.0.0.1:{port}"
    wait_for_health(front, proxy)
    return front

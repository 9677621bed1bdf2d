"""A real PostgreSQL server for the team-server tests, started in a temporary folder on loopback.

The server runs as a non-root user (as `postgres` when the tests run as root, as PostgreSQL refuses
root), with trust authentication on 127.0.0.1 only, and is stopped when the test session ends.
Where no server can be started the tests that need one are skipped with the reason, unless
ANNOTATOR_REQUIRE_POSTGRES=1 (set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REQUIRE = "ANNOTATOR_REQUIRE_POSTGRES"
ADMIN = "annotator_admin"


class NoServer(Exception):
    """No PostgreSQL server could be started here; the message says why."""


@dataclass
class Server:
    folder: Path
    port: int
    bin_dir: Path
    run_as: str | None

    def url(self, user: str = ADMIN, database: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def stop(self, mode: str = "fast") -> None:
        _run(self, [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.folder / "data"), "-m", mode, "-w"],
             check=False)

    def start(self) -> None:
        # fsync off: the tests stop the server's processes, never the machine, so what was written survives
        # in the OS's cache; synchronous_commit stays on, as a commit the client was told of must survive
        # a server stopped at once (test_resume.py).
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
                   " -c full_page_writes=off -c max_connections=60")
        _run(self, [str(self.bin_dir / "pg_ctl"), "start", "-D", str(self.folder / "data"), "-w", "-t", "60",
                    "-l", str(self.folder / "server.log"), "-o", options])


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    raise NoServer("PostgreSQL's server programs (pg_ctl, initdb) are not installed; "
                   "on Debian: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(server: Server, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
    if server.run_as:
        argv = ["runuser", "-u", server.run_as, "--", *argv]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        log = server.folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise NoServer(f"{' '.join(argv[-6:])} failed: {result.stderr.strip()} {tail}".strip())
    return result


def start() -> Server:
    """Initialise and start a fresh cluster; raise NoServer saying why it could not be."""
    bin_dir = _bin_dir()
    run_as = None
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            run_as = name
            break
        if run_as is None or not shutil.which("runuser"):
            raise NoServer("running as root with no other user to run PostgreSQL as")
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    server = Server(folder, _free_port(), bin_dir, run_as)
    _run(server, [str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", ADMIN, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C", "--no-sync"])
    server.start()
    return server


def _has_c_utf8() -> bool:
    return Path("/usr/lib/locale/C.utf8").exists() or Path("/usr/lib/locale/C.UTF-8").exists()


def discard(server: Server) -> None:
    server.stop("immediate")
    shutil.rmtree(server.folder, ignore_errors=True)

"""A sync killed at any moment, on either side, is finished by the next one: nothing lost, nothing twice.

Real processes: `annotator sync` runs as a child and is killed with SIGKILL at increasing delays; the
server itself is stopped with `pg_ctl stop -m immediate` in the middle of a push."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg

from annotator.core.store.project import Project
from annotator.core.team import session

from .conftest import picture

_CATEGORIES = ("on_record", "anonymous_official", "social_post", "document")


def _many(project: Project, who: str, count: int, seed: int) -> None:
    """`count` new annotations of `who` spread over the articles, in one transaction."""
    articles = [(a.id, len(project.articles.body(a.id))) for a in project.articles.list()]
    made = 0
    with project.transaction():
        step = 0
        while made < count:
            for article_id, length in articles:
                start = (seed * 7919 + step * 13) % (length - 20)
                try:
                    project.annotations.add(article_id, start, start + 5 + step % 11,
                                            category=_CATEGORIES[(step + seed) % 4], annotator=who,
                                            note=f"{seed}/{step}")
                except Exception:  # the same span and category twice: another one instead
                    pass
                else:
                    made += 1
                step += 1
                if made >= count:
                    break


def _sync_process(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "annotator", "sync", str(path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})


def _server_annotations(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM annotator.entities WHERE kind = 'annotation' AND NOT deleted"
                            ).fetchone()[0]


def _killed(path: Path, delay: float) -> bool:
    """Run a sync and kill it after `delay` seconds; True if it was still running then."""
    child = _sync_process(path)
    time.sleep(delay)
    running = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return running


def test_a_sync_killed_at_any_moment_is_finished_by_the_next(team):
    owner = team.owner
    ann = team.member("ann")
    try:
        path, ann_path = owner.path, ann.path
        owner.close()
        ann.close()
        with Project.open(path) as proj:
            _many(proj, "annotator_admin", 1500, 99)
        started = time.perf_counter()
        _sync_process(path).wait(timeout=120)
        whole = time.perf_counter() - started  # a whole sync of this size, start-up included
        interrupted = 0
        for round_, share in enumerate((0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97)):
            delay = whole * share
            with Project.open(path) as proj:
                _many(proj, "annotator_admin", 1500, round_)
                if round_ % 2:
                    first = proj.annotations.list()[0]
                    proj.annotations.delete(first.id)
            interrupted += _killed(path, delay)   # the push killed, or the pull after it
            interrupted += _killed(ann_path, delay)  # the pull killed
            with Project.open(path) as proj:
                session.sync(proj)
                assert session.status(proj)[1] == 0
                local = proj.annotations.count()
            assert _server_annotations(team.url) == local  # nothing lost, nothing twice
        assert interrupted >= 3, "no sync was killed while running: the delays no longer test anything"
        with Project.open(path) as proj, Project.open(ann_path) as copy:
            session.sync(copy)
            assert picture(copy) == picture(proj)
    finally:
        team.owner = Project.open(team.folder / "owner.annot")


def test_a_server_stopped_in_the_middle_of_a_push_loses_nothing(team, pg_server):
    owner = team.owner
    path = owner.path
    _many(owner, "annotator_admin", 6000, 1)
    owner.close()
    try:
        child = _sync_process(path)
        time.sleep(1.0)
        pg_server.stop("immediate")
        child.wait(timeout=60)
        pg_server.start()
        with Project.open(path) as proj:
            session.sync(proj)
            assert session.status(proj)[1] == 0
            assert _server_annotations(team.url) == proj.annotations.count() == 6000
    finally:
        if not _up(pg_server):
            pg_server.start()
        team.owner = Project.open(path)


def _up(server) -> bool:
    try:
        psycopg.connect(server.url(), connect_timeout=2).close()
    except psycopg.OperationalError:
        return False
    return True


def test_a_share_killed_at_any_moment_is_finished_by_running_it_again(team_url, tmp_path):
    from annotator.core.sample import create_sample

    owner, _ = create_sample(tmp_path / "story.annot")
    _many(owner, "annotator_admin", 6000, 3)
    path = owner.path
    owner.close()
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "annotator", "share", str(path), team_url],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    time.sleep(1.2)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert time.perf_counter() - started < 30
    with Project.open(path) as proj:
        session.share(proj, team_url)
        assert session.status(proj)[1] == 0
        assert _server_annotations(team_url) == proj.annotations.count() == 6000

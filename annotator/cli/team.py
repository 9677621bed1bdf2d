"""`annotator share`, `join`, `sync`, `member` and `release`: a project shared on a team server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.group import cli
from annotator.core.clock import local_time
from annotator.core.store.project import Project
from annotator.core.team import members, session
from annotator.core.team.server_schema import ROLES


def _print_summary(summary: session.SyncSummary) -> None:
    for line in summary.lines():
        click.echo(line)
    if summary.waiting:
        click.echo(f"{summary.waiting:,} changes made meanwhile wait for the next sync.")


@cli.command("share")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("url")
@click.option("--blind", is_flag=True, help="A class assignment: members see only their own annotations until "
                                            "a teacher runs `annotator release`.")
def share_command(project: Path, url: str, blind: bool) -> None:
    """Publish PROJECT to an empty PostgreSQL database at URL and send all of it.

    URL is libpq's: postgresql://user@host:port/database; a password comes from ~/.pgpass or PGPASSWORD."""
    with Project.open(project) as proj:
        summary = session.share(proj, url, blind=blind)
        link, _ = session.status(proj)
    click.echo(f"shared {project} to {link.url} (you are a {link.role} there)")
    _print_summary(summary)


@cli.command("join")
@click.argument("url")
@click.argument("local", type=click.Path(dir_okay=False, path_type=Path))
def join_command(url: str, local: Path) -> None:
    """Make LOCAL, a new copy of the shared project at URL, to work on offline and sync."""
    with session.join(url, local) as proj:
        link, _ = session.status(proj)
        click.echo(f"joined {link.url} as {link.member} ({link.role}): {proj.articles.count():,} articles,"
                   f" {proj.annotations.count():,} annotations in {local}")


@cli.command("sync")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--status", "only_status", is_flag=True, help="Say when PROJECT last synced and what waits; send nothing.")
def sync_command(project: Path, only_status: bool) -> None:
    """Send PROJECT's changes to its team server and take the others'."""
    with Project.open(project) as proj:
        if only_status:
            link, waiting = session.status(proj)
            if link is None:
                click.echo(f"{project} is not shared")
                return
            when = local_time(link.last_sync) if link.last_sync else "never"
            click.echo(f"shared on {link.url} as {link.member} ({link.role}); last sync: {when}; "
                       f"{waiting:,} changes waiting")
            return
        _print_summary(session.sync(proj))


@cli.command("member")
@click.argument("url")
@click.argument("login")
@click.option("--role", type=click.Choice(ROLES), required=True,
              help="teacher: everything; editor: articles, codebook and own annotations; student: own annotations; "
                   "reader: nothing written.")
@click.option("--password-stdin", is_flag=True, help="Read a new login's password from the standard input.")
def member_command(url: str, login: str, role: str, password_stdin: bool) -> None:
    """Make LOGIN a member of the shared project at URL with ROLE (creating the login if it is new)."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    created = members.add_member(url, login, role, password=password)
    click.echo(f"{'created' if created else 'updated'} {login}: {role}")


@cli.command("release")
@click.argument("url")
def release_command(url: str) -> None:
    """Let every member of the blind assignment at URL see everyone's annotations and the key."""
    count = members.release(url)
    click.echo(f"released {count:,} annotations; members see them at their next sync")

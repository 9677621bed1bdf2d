"""`annotator backup`, `backups` and `restore`: rotating backups, a standalone copy, and a restore."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.core.clock import local_time
from annotator.cli.group import cli
from annotator.cli.table import format_table
from annotator.core.errors import NotFound
from annotator.core.store import backups
from annotator.core.store.schema_check import SchemaIncomplete
from annotator.core.store.project import Project


@cli.command("backup")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--overwrite", is_flag=True, help="Replace OUT if it exists.")
def backup_command(project: Path, out: Path | None, overwrite: bool) -> None:
    """Back up PROJECT into its backup folder; with OUT, write a standalone copy to OUT instead."""
    if overwrite and out is None:
        raise click.UsageError("--overwrite needs OUT")
    with Project.open(project) as proj:
        if out is not None:
            backups.save_copy(proj.database.conn, out, project_path=proj.path, overwrite=overwrite)
            click.echo(f"wrote a copy of {project} to {out}")
            return
        made = backups.make_backup(proj.database.conn, proj.path, reason="manual")
    if made is not None:
        click.echo(f"backed up {project} to {made}")
        return
    newest = next(b for b in backups.list_backups(project) if b.reason != backups.DAMAGED)
    click.echo(f"{project} is unchanged since the backup of {local_time(newest.made_at)}: {newest.path}")


@cli.command("backups")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def backups_command(project: Path) -> None:
    """List PROJECT's backups, newest first, numbered as `restore` takes them."""
    listed = backups.list_backups(project)
    if not listed:
        click.echo(f"no backups of {project} yet")
        return
    rows = [(n, local_time(b.made_at), b.reason, backups.size_text(b.size))
            for n, b in enumerate(listed, start=1)]
    table = format_table(["#", "made", "reason", "size"], rows).splitlines()
    paths = ["path", "----", *(str(b.path) for b in listed)]
    width = max(len(line) for line in table)
    click.echo("\n".join(f"{line.ljust(width)}  {path}" for line, path in zip(table, paths)))


@cli.command("restore")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("backup")
@click.option("--yes", is_flag=True, help="Restore without asking first.")
def restore_command(project: Path, backup: str, yes: bool) -> None:
    """Put BACKUP (a path, a number from `backups`, or `latest`) back into PROJECT; its state before is kept."""
    path, described = _chosen_backup(project, backup)
    if not yes:
        click.confirm(f"Replace the content of {project} with {described}?", abort=True)
    kept = backups.restore(project, path)
    click.echo(f"restored {project} from {described}: {path}")
    if kept is None:
        click.echo("there was nothing to keep of the project before")
    elif kept.name.endswith(f"-{backups.DAMAGED}.annot"):
        click.echo(f"the damaged file was kept as {kept}")
    else:
        click.echo(f"the project as it was before is kept as the backup {kept}")


def _chosen_backup(project: Path, choice: str) -> tuple[Path, str]:
    """The backup file BACKUP names, and how to name it to the user."""
    listed = backups.list_backups(project)
    if choice == "latest":
        found = backups.newest_good_backup(project)
        if found is None:
            raise NotFound(f"{project}: no good backup to restore (see `annotator backups {project}`)")
        return found.path, _described(found)
    if choice.isdigit():
        if not 1 <= int(choice) <= len(listed):
            raise NotFound(f"{project}: no backup {choice} (see `annotator backups {project}`)")
        return listed[int(choice) - 1].path, _described(listed[int(choice) - 1])
    path = Path(choice)
    if not path.is_file():
        raise NotFound(f"{project}: no backup {choice}: neither a file nor a number from "
                       f"`annotator backups {project}`")
    info = next((b for b in listed if b.path.resolve() == path.resolve()), None)
    return path, _described(info) if info is not None else f"the file {path}"


def _described(info: backups.BackupInfo) -> str:
    return f"the backup of {local_time(info.made_at)} ({info.reason.replace('-', ' ')})"


@cli.command("repair")
@click.argument("project", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Repair without asking first.")
def repair_command(project: Path, yes: bool) -> None:
    """Restore the triggers, indexes and views this program keeps in PROJECT that are missing or altered
    (a backup is made first); what they keep (search, counts) is rebuilt. A file holding triggers or
    views this program did not make is refused, never repaired."""
    try:
        Project.open(project).close()
        click.echo(f"{project}: nothing to repair")
        return
    except SchemaIncomplete as error:
        incomplete = error
        click.echo(f"{project}: {incomplete.reason}")
    if not yes:
        click.confirm("Restore them (a backup is made first)?", abort=True)
    Project.open(project, repair=True).close()
    click.echo(f"restored {len(incomplete.items)} part(s) of {project}; the file as it was is kept as a backup")

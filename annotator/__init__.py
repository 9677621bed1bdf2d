"""Source-credibility annotator: mark how each claim in a news article is sourced."""

__version__ = "0.1.0"


def main() -> None:
    """The `annotator` command's entry point, light on purpose: a worker process (reading files for an
    import, computing suggestions) is a new interpreter that runs the command's script again before its
    job, and importing the whole command line there (every command group, the reports, the team
    server's client: about half a second) would be paid by every worker."""
    from annotator.cli import main as command

    command()

"""`python -m annotator` runs the `annotator` command (imported only when run, not by worker processes)."""

if __name__ == "__main__":
    from annotator import main

    main()

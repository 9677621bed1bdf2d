"""Figures read from the project: per-outlet and per-article statistics, evidence lists."""

"""The dashboard: the per-outlet table and chart, and the report actions with the PDF writer."""

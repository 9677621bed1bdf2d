"""Files out: CSV, the HTML report, its SVG chart and class section."""

"""Files in: readers for each format, encodings, dates, sentence splitting, batches."""

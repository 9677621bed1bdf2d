"""The classroom: answer keys and submissions, class scores and the compare view."""

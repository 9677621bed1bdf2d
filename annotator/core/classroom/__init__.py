"""Classroom: assignment and merge files, scoring against an answer key, agreement."""

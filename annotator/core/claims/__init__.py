"""Claim matching: group sentences of different articles that state the same proposition (no Qt, no store)."""

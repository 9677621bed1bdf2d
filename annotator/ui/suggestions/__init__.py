"""Suggestions in the window: computing and refreshing them, their layer and their commands."""

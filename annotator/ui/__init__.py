"""The Qt window: a thin layer over annotator.core; every change goes through core.Project."""

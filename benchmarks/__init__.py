"""Measurement scripts; each module's docstring says how to run it."""

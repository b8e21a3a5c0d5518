"""Reporters: each module formats a check result in one output format."""

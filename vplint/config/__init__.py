"""Configuration: `vplint.toml`, `.vplint.toml` and `[tool.vplint]` in `pyproject.toml`, found per
folder, validated and merged (see :mod:`vplint.config.loader`).
"""

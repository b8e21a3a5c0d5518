"""The canvas model: the domain's vocabulary (one source of truth for slugs and their English and
Chinese spellings), the canvas built from a parsed document, and the labels used to name its parts.
"""

"""The canvas model checked against the JSON schema: a compiled yes/no check first, and for a canvas
that fails it, explanations from jsonschema mapped to positioned findings.
"""

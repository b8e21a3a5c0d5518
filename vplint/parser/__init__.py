"""From a file to a document: decoding, the YAML front-matter with positions, and the markdown body
through mistune (the adapter in :mod:`vplint.parser.markdown`).
"""

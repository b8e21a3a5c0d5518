"""Meeting briefs: the context a template reads, the questions, the mind map, and rendering with Jinja
(imported only by `vplint brief`).
"""

"""Writing new things: `vplint init` (a repository set up for canvases, from the files in this folder)
and `vplint new` (a canvas skeleton).
"""

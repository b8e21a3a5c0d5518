"""Everything vplint reads and writes on disk besides the canvases themselves: safe file I/O (one
atomic write, exclusive create, TOML), the result cache, replay of unchanged runs, content digests
and the data files vplint ships.
"""

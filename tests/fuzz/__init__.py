"""The long fuzz campaign (``python tests/fuzz/fuzz_vplint.py --minutes 10``) and what it shares with the suite.

Nothing here is collected by pytest (no ``test_*.py``): the suite's quick, derandomized
versions of these properties are in ``tests/property/test_property.py`` and ``tests/property/test_property_briefs.py``.
"""

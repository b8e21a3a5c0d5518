"""Write docs/rules.md and docs/rules.zh.md from the rule modules (a developers' tool, not shipped).

python -m tools.ruledocs [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from vplint.rules.docs import render

DOCS = {"en": "rules.md", "zh": "rules.zh.md"}


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "docs"
    for lang, name in DOCS.items():
        (folder / name).write_text(render(lang), encoding="utf-8")
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

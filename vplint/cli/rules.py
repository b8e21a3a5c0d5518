"""``vplint rules``: list every rule and built-in check."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "zh"), default=None)
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    from vplint.lint.clock import env_language
    from vplint.lint.codes import BUILTIN_CODES
    from vplint.rules import RULES

    lang = args.lang or env_language()
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.value if r.default_enabled else "off",
            "fixable": r.fixable,
            "summary": r.summary_zh if lang == "zh" else r.summary_en,
        }
        for r in RULES.values()
    ] + [
        {
            "code": b.code,
            "name": b.name,
            "severity": b.severity.value,
            "fixable": False,
            "summary": b.summary_zh if lang == "zh" else b.summary_en,
        }
        for b in BUILTIN_CODES.values()
    ]
    rows.sort(key=lambda r: (str(r["code"])[0] not in "FS", str(r["code"])))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        fix = "[*]" if row["fixable"] else "   "
        print(f"{row['code']}  {row['name']!s:<26} {row['severity']!s:<8} {fix} {row['summary']}")
    return 0

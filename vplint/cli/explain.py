"""``vplint explain CODE``: a rule's rationale with a failing and a passing example."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", metavar="CODE", help="a rule code (M005) or name (evidence-age)")
    parser.add_argument("--lang", choices=("en", "zh"), default=None)


def run(args: argparse.Namespace) -> int:
    from vplint.lint.clock import env_language
    from vplint.lint.codes import BUILTIN_CODES
    from vplint.rules import rule_by_code

    lang = args.lang or env_language()
    rule = rule_by_code(args.code)
    if rule is None:
        builtin = BUILTIN_CODES.get(args.code.upper())
        if builtin is None:
            print(f"vplint: error: unknown rule '{args.code}' (see 'vplint rules')", file=sys.stderr)
            return 2
        print(f"{builtin.code} {builtin.name} ({builtin.severity.value})\n")
        print(builtin.summary_zh if lang == "zh" else builtin.summary_en)
        return 0
    from vplint.rules.docs import explain_text

    print(explain_text(rule, lang))
    return 0

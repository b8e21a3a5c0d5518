"""The team data as files: one JSON document, or three CSV tables (canvases, findings, items).

CSV files are UTF-8 with a byte-order mark (so spreadsheet programs read Chinese text right), comma
separated, with a header row; ids are joined with commas, names (sponsors, evaluators) with ``; `` and
quoted when they hold a comma or a semicolon; an empty cell is a missing value.
The column order is the order of the JSON objects' keys (docs/report.md).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__ = ["CSV_TABLES", "csv_texts", "json_pieces", "json_text"]

CSV_TABLES = ("canvases", "findings", "items")


def json_text(data: Mapping[str, Any]) -> str:
    return "".join(json_pieces(data))


def json_pieces(data: Mapping[str, Any]) -> Iterator[str]:
    """The JSON document in pieces as it is encoded (for a large team, never the whole text at once)."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    yield "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # names that may hold commas: each quoted when it does, joined with "; "
        return "; ".join(f'"{v}"' if "," in str(v) or ";" in str(v) else str(v) for v in value)
    return str(value)


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return "\ufeff" + out.getvalue()


def csv_texts(data: Mapping[str, Any], columns: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """``{file name: text}`` of each table; ``columns`` gives each table's columns (from the schema)."""
    return {f"{name}.csv": _table(data[name], columns[name]) for name in CSV_TABLES}

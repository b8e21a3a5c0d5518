"""``vplint completion``: scripts made from the parser, tried in a real bash."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vplint.cli.commands import NAMES
from vplint.cli.completion import script
from vplint.cli.main import main


def complete(words: list[str], tmp_path: Path) -> list[str]:
    """What bash offers for the last of ``words`` (a command line typed so far) with vplint's script."""
    (tmp_path / "vplint.bash").write_text(script("bash"), encoding="utf-8")
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = (
        f"source {tmp_path / 'vplint.bash'}; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
        'COMPREPLY=(); _vplint; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    proc = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=ROOT, check=True, timeout=30)
    return [w for w in proc.stdout.splitlines() if w]


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        (["vplint", "ch"], ["check"]),
        (["vplint", ""], [*sorted(NAMES), "--help", "--version"]),
        (["vplint", "check", "--output-f"], ["--output-format", "--output-file"]),
        (["vplint", "check", "--output-format", ""], ["full", "concise", "json", "github", "sarif", "junit", "gitlab"]),
        (["vplint", "check", "--select", "S00"], ["S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008"]),
        (["vplint", "check", "--ignore", "evidence-a"], ["evidence-age"]),
        (["vplint", "brief", "--lang", ""], ["en", "zh"]),
        (["vplint", "brief", "--no-"], ["--no-map"]),
        (["vplint", "completion", ""], ["bash", "zsh", "fish"]),
        (["vplint", "check", "canvases/acme"], ["canvases/acme-cfo.en.md"]),
    ],
)
def test_bash_completes_commands_options_values_codes_and_files(
    words: list[str], offered: list[str], tmp_path: Path
) -> None:
    assert sorted(complete(words, tmp_path)) == sorted(offered)


def test_every_option_of_every_command_is_in_each_script() -> None:
    from vplint.cli.completion import _commands

    commands = _commands()
    assert {c.name for c in commands} >= {"check", "brief", "completion"}
    bash, zsh, fish = script("bash"), script("zsh"), script("fish")
    assert zsh.startswith("#compdef vplint\n")
    for c in commands:
        assert f"-a {c.name} -d " in fish
        for o in c.options:
            for name in o.names:
                assert name in bash
                flag = f"-l {name[2:]}" if name.startswith("--") else f"-s {name[1:]}"
                assert flag in fish


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_parse_where_the_shell_is_installed(shell: str, tmp_path: Path) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed (the script's content is checked above)")
    (tmp_path / "script").write_text(script(shell), encoding="utf-8")
    subprocess.run([shell, "-n", str(tmp_path / "script")], check=True, timeout=30)


def test_the_command_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "fish"]) == 0
    assert capsys.readouterr().out == script("fish")

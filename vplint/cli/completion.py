"""``vplint completion bash|zsh|fish``: a shell completion script, made from the command line itself.

The script is generated from vplint's own argument parser, so it always knows every command and
option of the installed version: commands, each command's options, the values of options with a
fixed set (formats, languages), rule codes after ``--select``, ``--ignore`` and ``--extend-select``,
and file names elsewhere.  Install (README, "Shell completion")::

    vplint completion bash > ~/.local/share/bash-completion/completions/vplint
    vplint completion zsh > "${fpath[1]}/_vplint"
    vplint completion fish > ~/.config/fish/completions/vplint.fish
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass

__all__ = ["SHELLS", "script"]

SHELLS = ("bash", "zsh", "fish")
_CODE_OPTIONS = frozenset({"--select", "--ignore", "--extend-select"})


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def run(args: argparse.Namespace) -> int:
    print(script(args.shell), end="")
    return 0


@dataclass(frozen=True)
class _Option:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]


@dataclass(frozen=True)
class _Command:
    name: str
    help: str
    options: tuple[_Option, ...]
    arguments: tuple[str, ...] = ()
    """The values its positional argument takes, when it has a fixed set (``completion``'s shells)."""


def _options(parser: argparse.ArgumentParser) -> tuple[_Option, ...]:
    out = []
    for action in parser._actions:  # argparse has no public way to list them
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        choices = tuple(str(c) for c in action.choices) if action.choices else ()
        takes_value = action.nargs != 0
        out.append(_Option(tuple(action.option_strings), _short(action.help or ""), takes_value, choices))
    return tuple(out)


def _short(text: str, limit: int = 72) -> str:
    """A help text as a completion menu shows it: one line, cut at a word near ``limit``."""
    text = " ".join(text.replace("%%", "%").split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"


def _commands() -> tuple[_Command, ...]:
    from vplint.cli.main import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help or "" for c in sub._choices_actions}
    return tuple(_Command(name, helps.get(name, ""), _options(p), _arguments(p)) for name, p in sub.choices.items())


def _arguments(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    return tuple(str(c) for a in parser._actions if not a.option_strings and a.choices for c in a.choices)


def _codes() -> list[str]:
    """Every code vplint reports (rules, schema and file findings) and every rule's name."""
    from vplint.config.loader import all_codes
    from vplint.rules import RULES

    return sorted({*all_codes(), *(r.name for r in RULES.values())})


def script(shell: str) -> str:
    """The completion script for ``shell``."""
    commands = _commands()
    if shell == "fish":
        return _fish(commands)
    return _bash(commands, zsh=shell == "zsh")


def _bash(commands: tuple[_Command, ...], zsh: bool) -> str:
    q = shlex.quote
    cases = []
    for c in commands:
        names = " ".join(n for o in c.options for n in o.names)
        valued = [o for o in c.options if o.takes_value]
        prev_cases = []
        for o in valued:
            pattern = "|".join(o.names)
            if o.choices:
                words = f'compgen -W {q(" ".join(o.choices))} -- "$cur"'
            elif o.names[0] in _CODE_OPTIONS:
                words = 'compgen -W "$codes" -- "${cur##*,}"'
            else:
                words = 'compgen -f -- "$cur"'
            prev_cases.append(f"                {pattern}) COMPREPLY=($({words})); return ;;")
        prev_block = "\n".join(prev_cases)
        rest = f'compgen -W {q(" ".join(c.arguments))} -- "$cur"' if c.arguments else 'compgen -f -- "$cur"'
        cases.append(
            f"        {c.name})\n"
            f'            case "$prev" in\n{prev_block}\n            esac\n'
            f'            if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W {q(names)} -- "$cur"));'
            f" else COMPREPLY=($({rest})); fi ;;"
        )
    head = "#compdef vplint\nautoload -U +X bashcompinit && bashcompinit\n" if zsh else ""
    kind = "zsh, through bash completion" if zsh else "bash"
    return f"""{head}# vplint completion ({kind}); made by 'vplint completion'
_vplint() {{
    local cur prev cmd i codes
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    codes={q(" ".join(_codes()))}
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in -*) ;; *) cmd="${{COMP_WORDS[i]}}"; break ;; esac
    done
    case "$cmd" in
        "")
            COMPREPLY=($(compgen -W {q(" ".join([c.name for c in commands] + ["--help", "--version"]))} -- "$cur")) ;;
{chr(10).join(cases)}
    esac
}}
complete -o filenames -F _vplint vplint
"""


def _fish(commands: tuple[_Command, ...]) -> str:
    q = shlex.quote
    lines = [
        "# vplint completion (fish); made by 'vplint completion'",
        "complete -c vplint -f",
        "complete -c vplint -n __fish_use_subcommand -l help -d 'show help'",
        "complete -c vplint -n __fish_use_subcommand -l version -d 'show the version'",
    ]
    codes = " ".join(_codes())
    for c in commands:
        lines.append(f"complete -c vplint -n __fish_use_subcommand -a {c.name} -d {q(c.help)}")
        when = f"-n {q('__fish_seen_subcommand_from ' + c.name)}"
        if c.arguments:
            lines.append(f"complete -c vplint {when} -x -a {q(' '.join(c.arguments))}")
        else:
            lines.append(f"complete -c vplint {when} -F")
        for o in c.options:
            flags = " ".join(f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}" for n in o.names)
            value = ""
            if o.choices:
                value = f" -x -a {q(' '.join(o.choices))}"
            elif o.names[0] in _CODE_OPTIONS:
                value = f" -x -a {q(codes)}"
            elif o.takes_value:
                value = " -r -F"
            lines.append(f"complete -c vplint {when} {flags}{value} -d {q(o.help)}")
    return "\n".join(lines) + "\n"

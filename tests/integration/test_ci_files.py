"""The CI files ``vplint init`` writes are valid for GitHub and GitLab, and publish the team report.

Each file, as written into a fresh repository, is validated with check-jsonschema against the
vendor's schema it ships (``--builtin-schema vendor.github-workflows`` and ``vendor.gitlab-ci``),
in a child process whose network is shut off by the guard of ``test_hardening_network.py``: the
test needs no network and proves it (a control shows that a download is refused).  A broken file
is rejected, so the validation can fail.  Then what a schema cannot say: the report jobs fetch the
full history, build the site where the upload takes it from, and only the deploy job may publish.

(``tests/conftest.py`` marks every test in this folder ``slow``.)
"""

from __future__ import annotations

import re
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.integration.test_hardening_network import SITECUSTOMIZE, run_offline
from tests.integration.test_scaffold import _argv
from vplint.cli.main import main

GITHUB = ".github/workflows/vplint.yml"
GITLAB = ".gitlab-ci.yml"
SCHEMAS = {GITHUB: "vendor.github-workflows", GITLAB: "vendor.gitlab-ci"}
"""Each CI file and the schema check-jsonschema ships for it."""
IPV6_PROBE = f"socket.socket(family={socket.AF_INET6}, type=-1)"
"""What the guard logs when urllib3 (imported by check-jsonschema) is imported: it binds a socket to
``::1`` to learn whether the machine has IPv6, and connects nowhere.  A download would look up the
host first (``socket.getaddrinfo``) and open a stream socket."""


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the network guard (``sitecustomize.py``)."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A team repository as ``vplint init`` sets it up."""
    root = tmp_path_factory.mktemp("team")
    assert main(["init", str(root)]) == 0
    return root


def validate(offline: Path, cwd: Path, schema: str, *files: str) -> subprocess.CompletedProcess[str]:
    """``check-jsonschema --builtin-schema SCHEMA FILE ...`` without network; fails the test on any attempt.

    ``--no-cache`` does not keep check-jsonschema off the network (it downloads a remote schema every
    time): it makes sure no cached copy stands in for a download, so an empty log proves none is needed.
    """
    proc, attempts = run_offline(
        offline, cwd, "--no-cache", "--builtin-schema", schema, *files, module="check_jsonschema"
    )
    assert [a for a in attempts if a != IPV6_PROBE] == [], f"check-jsonschema used the network: {attempts}"
    return proc


def _text(repo: Path, relpath: str) -> str:
    return (repo / relpath).read_text(encoding="utf-8")


def _load(repo: Path, relpath: str) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load(_text(repo, relpath))
    if True in data:  # PyYAML (YAML 1.1) reads the key `on` as true; GitHub reads it as "on"
        data["on"] = data.pop(True)
    return data


def _step(job: dict[str, Any], action: str) -> dict[str, Any]:
    """The job's only step that uses ``action`` (``owner/name``, whatever the version)."""
    steps: list[dict[str, Any]] = [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]
    (step,) = steps
    return step


def _runs(commands: list[str], sub: str) -> list[list[str]]:
    """The arguments of the ``vplint SUB`` command lines among ``commands``."""
    return [_argv(line) for c in commands for line in c.splitlines() if line.startswith(f"vplint {sub} ")]


def _option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


# --- the vendors' schemas ---------------------------------------------------------------------------


@pytest.mark.parametrize("relpath", [GITHUB, GITLAB])
def test_ci_file_is_valid_for_its_vendor(offline: Path, repo: Path, relpath: str) -> None:
    proc = validate(offline, repo, SCHEMAS[relpath], relpath)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def _no_runs_on(data: dict[str, Any]) -> None:
    del data["jobs"]["deploy"]["runs-on"]


def _steps_as_text(data: dict[str, Any]) -> None:
    data["jobs"]["report"]["steps"] = "vplint report -o site"


def _paths_as_text(data: dict[str, Any]) -> None:
    data["pages"]["artifacts"]["paths"] = "public"


BREAKS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (GITHUB, _no_runs_on, "$.jobs.deploy: 'runs-on' is a required property"),
    (GITHUB, _steps_as_text, "$.jobs.report.steps: 'vplint report -o site' is not of type 'array'"),
    (GITLAB, _paths_as_text, "$.pages.artifacts.paths: 'public' is not of type 'array'"),
]
"""(a CI file, how to break it, what check-jsonschema says about the broken file)."""


@pytest.mark.parametrize(("relpath", "breaks", "message"), BREAKS, ids=["no-runs-on", "steps-text", "paths-text"])
def test_a_broken_ci_file_is_rejected(
    offline: Path, repo: Path, tmp_path: Path, relpath: str, breaks: Callable[[dict[str, Any]], None], message: str
) -> None:
    """The file as written and the same file broken, both written back from the parsed data: only the broken fails."""
    data = _load(repo, relpath)
    (tmp_path / "good.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    breaks(data)
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    proc = validate(offline, tmp_path, SCHEMAS[relpath], "good.yml", "broken.yml")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "broken.yml::" in proc.stdout, proc.stdout
    assert message in proc.stdout, proc.stdout  # the error, or its best match when a job fits no variant
    assert "good.yml" not in proc.stdout, proc.stdout


def test_the_validation_cannot_download(offline: Path, tmp_path: Path) -> None:
    """Control: the guard holds in check-jsonschema, so a schema that needs a download fails."""
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    proc, attempts = run_offline(
        offline,
        tmp_path,
        "--no-cache",
        "--schemafile",
        "https://json.schemastore.org/github-workflow.json",
        "x.json",
        module="check_jsonschema",
    )
    assert proc.returncode != 0
    assert any(a.startswith("socket.getaddrinfo(") for a in attempts), (attempts, proc.stdout + proc.stderr)


# --- what the schemas cannot say -----------------------------------------------------------------


def test_github_report_job_builds_the_site_from_the_full_history(repo: Path) -> None:
    wf = _load(repo, GITHUB)
    jobs = wf["jobs"]
    assert {"check", "briefs", "report", "deploy"} <= set(jobs)
    report = jobs["report"]
    assert report["needs"] == "check"
    assert report["steps"][0] is _step(report, "actions/checkout")
    assert _step(report, "actions/checkout")["with"]["fetch-depth"] == 0
    # installed as the other jobs install it
    assert _step(report, "actions/setup-python") == _step(jobs["check"], "actions/setup-python")
    install = [s for s in report["steps"] if s.get("name") == "Install vplint"]
    assert install == [s for s in jobs["check"]["steps"] if s.get("name") == "Install vplint"]
    (argv,) = _runs([s["run"] for s in report["steps"] if "run" in s], "report")
    assert re.fullmatch(r"\d+w", _option(argv, "--history"))
    upload = _step(report, "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == _option(argv, "-o")
    assert re.fullmatch(r"v\d+", upload["uses"].split("@")[1])


def test_github_deploy_job_alone_publishes_and_only_from_main(repo: Path) -> None:
    wf = _load(repo, GITHUB)
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "report"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    step = _step(deploy, "actions/deploy-pages")
    assert step["id"] == "deployment"
    assert re.fullmatch(r"v\d+", step["uses"].split("@")[1])
    # a pull request never publishes; main is the branch the workflow runs on for pushes
    (branch,) = wf["on"]["push"]["branches"]
    assert deploy["if"] == f"github.event_name == 'push' && github.ref == 'refs/heads/{branch}'"
    # no other job may publish: the workflow's own token stays read-only
    assert wf["permissions"] == {"contents": "read"}
    for name, job in wf["jobs"].items():
        if name != "deploy":
            assert not {"pages", "id-token"} & set(job.get("permissions", {})), name
    text = _text(repo, GITHUB)
    top = text[: text.index("\nname:")]
    assert "GitHub Pages" in top
    assert 'Source: "GitHub Actions"' in top


def test_gitlab_pages_job_publishes_public_from_the_full_history(repo: Path) -> None:
    ci = _load(repo, GITLAB)
    assert {"vplint", "briefs", "pages"} <= set(ci)
    pages = ci["pages"]
    assert ci["stages"] == ["check", "briefs", "report"]
    assert pages["stage"] == "report"
    assert str(pages["variables"]["GIT_DEPTH"]) == "0"
    assert pages["variables"]["GIT_STRATEGY"] == "clone"
    (argv,) = _runs(pages["script"], "report")
    assert re.fullmatch(r"\d+w", _option(argv, "--history"))
    assert _option(argv, "-o") == "public"  # GitLab publishes the public/ folder of the job named pages
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]

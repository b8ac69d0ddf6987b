"""Hardened defaults: secrets stay out of git, users never see exception details, settings errors name the
setting, .env is the project's own."""

from __future__ import annotations

import shutil
import subprocess
import tomllib

import pytest

from assistant.__main__ import main as assistant_cli
from assistant.config import ROOT, Settings
from assistant.errors import report
from knowledge.__main__ import main as knowledge_cli


@pytest.mark.parametrize("path", [".env", ".env.production", ".streamlit/secrets.toml"])
def test_secrets_are_ignored_by_git(path: str) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    checked = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
    assert checked.returncode == 0, f"{path} is not ignored by git"


def test_users_see_no_exception_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


def test_dotenv_is_read_from_the_project_root_whatever_the_working_directory() -> None:
    assert Settings.model_config["env_file"] == ROOT / ".env"


@pytest.mark.parametrize("cli", [knowledge_cli, assistant_cli])
def test_a_bad_setting_names_the_variable_on_the_command_line(
    cli: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LLM_TIMEOUT", "-1")
    argv = ["stats"] if cli is knowledge_cli else ["ask", "What is GNET?"]
    assert cli(argv) == 2  # type: ignore[operator]
    err = capsys.readouterr().err
    assert "LLM_TIMEOUT" in err and "greater than 0" in err and "Traceback" not in err


def test_the_error_log_has_the_id_type_and_place_but_not_the_message(caplog: pytest.LogCaptureFixture) -> None:
    try:
        raise ValueError("patient Jane Doe asked about her HIV result")
    except ValueError as exc:
        with caplog.at_level("ERROR"):
            error_id = report("turn failed", exc)
    line = caplog.records[-1].getMessage()
    assert error_id in line and "ValueError" in line and "test_hardening.py" in line
    assert "Jane Doe" not in line

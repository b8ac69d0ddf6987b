"""Prompt templates live as files in prompts/; a missing slot fails loudly instead of sending a hole."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

from assistant.models import Persona

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"


@cache
def _template(name: str) -> Template:
    return Template((PROMPTS_DIR / name).read_text(encoding="utf-8"))


def render(name: str, **slots: str) -> str:
    """Fill a template; raises KeyError naming the slot that was not given."""
    return _template(name).substitute(**slots).strip()


def persona_notes(persona: Persona) -> str:
    """How to write for this reader."""
    return render(f"personas/{persona.value}.md")

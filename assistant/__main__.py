"""python -m assistant ask "question" | chat — the answer pipeline from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from assistant.config import SettingsError, load_settings
from assistant.models import Persona, Transcript, Turn
from assistant.pipeline import utc_now
from assistant.render import answer_to_markdown
from assistant.wiring import build_services


class HistoryError(ValueError):
    """A --history file that is not an exported transcript; the message says where it went wrong."""


def _history(path: str | None) -> list[Turn]:
    """A transcript JSON (as exported) or a JSON list of turns."""
    if not path:
        return []
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return Transcript.model_validate(data).turns
        if isinstance(data, list):
            return TypeAdapter(list[Turn]).validate_python(data)
    except OSError as exc:
        raise HistoryError(f"{path} cannot be read ({exc.strerror or type(exc).__name__})") from None
    except UnicodeDecodeError:
        raise HistoryError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise HistoryError(f"{path} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise HistoryError(f"{path} is not an exported transcript ({where}: {first['msg']})") from None
    except RecursionError:
        raise HistoryError(f"{path} is nested too deeply to be a transcript") from None
    raise HistoryError(f"{path} is not an exported transcript (expected a JSON object or a list of turns)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--persona", choices=[p.value for p in Persona], default=Persona.PHYSICIAN.value)
    common.add_argument("--store", help="store folder (default: STORE_DIR setting)")
    ask = sub.add_parser("ask", parents=[common], help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--history", help="transcript JSON of earlier turns (as exported)")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument(
        "--stream", action="store_true", help="also show the model's unchecked text while it is written (LLM mode)"
    )
    sub.add_parser("chat", parents=[common], help="a conversation in the terminal")
    args = parser.parse_args(argv)

    try:
        settings = load_settings(**({"store_dir": Path(args.store)} if args.store else {}))
    except SettingsError as exc:
        print(f"error: a setting is not valid: {exc}", file=sys.stderr)
        return 2
    try:
        history = _history(getattr(args, "history", None))
    except HistoryError as exc:
        print(f"error: --history {exc}", file=sys.stderr)
        return 2
    services = build_services(settings)
    persona = Persona(args.persona)

    def stream(token: str) -> None:
        print(token, end="", flush=True)

    if args.command == "ask":
        # The final, checked answer is printed once; the model's raw text only when asked for with --stream.
        live = stream if args.stream and not args.json and services.pipeline.llm else None
        if live:
            print("Draft as the model writes it (unchecked; the checked answer follows):\n")
        answer = services.pipeline.run(args.question, history, persona, on_token=live)
        if args.json:
            print(answer.model_dump_json(indent=2))
        else:
            if live:
                print("\n\n---\n")
            print(answer_to_markdown(answer))
        return 0 if answer.status != "rejected" else 2

    transcript = Transcript(created_at=utc_now(), persona=persona)
    print(f"Clinical evidence assistant ({services.pipeline.mode}, persona {persona.value}). Empty line to quit.")
    while True:
        try:
            question = input("\n> ")
        except EOFError:
            break
        if not question.strip():
            break
        answer = services.pipeline.run(question, transcript.history(), persona, on_token=stream)
        print("\n" + answer_to_markdown(answer))
        transcript.turns.append(Turn(question=question, answer=answer))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The editorial policy page: what "Approved" means, from a Markdown file the organisation edits."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

POLICY_FILE = Path(__file__).resolve().parents[1] / "docs" / "editorial-policy.md"


def policy_page() -> None:
    """The organisation's own text, shown as written (it is trusted content, edited by the organisation)."""
    from ui.pages import chat_entry

    st.page_link(chat_entry(), label="Back to the conversation", icon=":material/arrow_back:")
    try:
        text = POLICY_FILE.read_text(encoding="utf-8")
    except OSError:
        st.title("Editorial policy")
        st.warning(f"The editorial policy file is missing: an administrator adds it as {POLICY_FILE.name}.")
        return
    st.markdown(text)

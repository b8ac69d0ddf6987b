"""The editorial policy page: what "Approved" means, from a Markdown file the organisation edits."""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

POLICY_FILE = Path(__file__).resolve().parents[1] / "docs" / "editorial-policy.md"


def policy_page() -> None:
    """The organisation's own text, shown as written (it is trusted content, edited by the organisation)."""
    try:
        text = POLICY_FILE.read_text(encoding="utf-8")
    except OSError:
        st.title("Editorial policy")
        st.warning(f"The editorial policy file is missing: an administrator adds it as {POLICY_FILE.name}.")
        return
    st.markdown(text)


@functools.cache
def policy_entry() -> StreamlitPage:
    """The page's navigation entry, made once, inside a script run (st.Page needs one)."""
    return st.Page(policy_page, title="Editorial policy", url_path="editorial-policy")

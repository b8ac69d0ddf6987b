"""The editorial review page on its own, for `streamlit run ui/review_app.py` and for tests."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run ui/review_app.py` from anywhere

from ui.review import review_page  # noqa: E402

st.set_page_config(page_title="Editorial review", page_icon="⚕️", layout="wide")
review_page()

"""Clinical evidence assistant — `streamlit run streamlit_app.py`.

Only rendering and session state live in the app; the flow of a turn is assistant/pipeline.py.
"""

from __future__ import annotations

import streamlit as st

from ui.chat import chat_page

st.set_page_config(page_title="Clinical evidence assistant", page_icon="⚕️", layout="centered")
chat_page()

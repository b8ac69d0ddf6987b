"""Clinical evidence assistant — `streamlit run streamlit_app.py`.

Only rendering and session state live in the app; the flow of a turn is assistant/pipeline.py.
The editorial review page is not in the navigation: reviewers open /review directly.
The editorial policy (/editorial-policy) is linked beside every cited article's status.
"""

from __future__ import annotations

import streamlit as st

from ui.pages import chat_entry, policy_entry, review_entry

st.set_page_config(page_title="Clinical evidence assistant", page_icon="⚕️", layout="centered")
page = st.navigation(
    [
        chat_entry(),
        review_entry(),
        policy_entry(),
    ],
    position="hidden",
)
page.run()

"""Clinical evidence assistant — `streamlit run streamlit_app.py`.

Only rendering and session state live in the app; the flow of a turn is assistant/pipeline.py.
The editorial review page is not in the navigation: reviewers open /review directly.
The editorial policy (/editorial-policy) is linked beside every cited article's status.
"""

from __future__ import annotations

import streamlit as st

from ui.chat import chat_page
from ui.policy import policy_entry
from ui.review import review_page

st.set_page_config(page_title="Clinical evidence assistant", page_icon="⚕️", layout="centered")
page = st.navigation(
    [
        st.Page(chat_page, title="Ask", default=True),
        st.Page(review_page, title="Editorial review", url_path="review"),
        policy_entry(),
    ],
    position="hidden",
)
page.run()

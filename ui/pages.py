"""The app's pages, each made once inside a script run (st.Page needs one) and linked by object.

Links between pages use st.page_link, which switches page within the session: the conversation
survives a visit to the editorial policy.
"""

from __future__ import annotations

import functools

import streamlit as st
from streamlit.navigation.page import StreamlitPage


@functools.cache
def chat_entry() -> StreamlitPage:
    from ui.chat import chat_page

    return st.Page(chat_page, title="Ask", default=True)


@functools.cache
def review_entry() -> StreamlitPage:
    from ui.review import review_page

    return st.Page(review_page, title="Editorial review", url_path="review")


@functools.cache
def policy_entry() -> StreamlitPage:
    from ui.policy import policy_page

    return st.Page(policy_page, title="Editorial policy", url_path="editorial-policy")

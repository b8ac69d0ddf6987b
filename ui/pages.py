"""The app's pages, each made once per browser session (st.Page needs a script run) and linked by object.

Links between pages use st.page_link, which switches page within the session: the conversation
survives a visit to the editorial policy.

Per session, not per process: st.navigation marks the page object it returns as callable and
`page.run()` unmarks it, so one object shared by every session let two sessions' concurrent runs race
("This page cannot be called directly"), which the load benchmark showed at 10 and 30 sessions.
Streamlit runs one script at a time per session, so a session's own objects never race.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.navigation.page import StreamlitPage

_KEY = "_app_pages"


def _session_page(name: str, make: Callable[[], StreamlitPage]) -> StreamlitPage:
    pages: dict[str, StreamlitPage] = st.session_state.setdefault(_KEY, {})
    if name not in pages:
        pages[name] = make()
    return pages[name]


def chat_entry() -> StreamlitPage:
    from ui.chat import chat_page

    return _session_page("chat", lambda: st.Page(chat_page, title="Ask", default=True))


def review_entry() -> StreamlitPage:
    from ui.review import review_page

    return _session_page("review", lambda: st.Page(review_page, title="Editorial review", url_path="review"))


def policy_entry() -> StreamlitPage:
    from ui.policy import policy_page

    return _session_page(
        "policy", lambda: st.Page(policy_page, title="Editorial policy", url_path="editorial-policy")
    )

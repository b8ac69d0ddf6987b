"""Who is on the review page: an OIDC identity on the allow-lists, a local reviewer account, or (demo only) the
shared code. The identity decides the audit log's "who" and what the person may do."""

from __future__ import annotations

import hmac
from collections.abc import Callable

import streamlit as st

from assistant.config import Settings
from assistant.render import plain
from assistant.wiring import Services
from knowledge.reviewers import (
    MIN_PASSWORD_LENGTH,
    AccountError,
    Identity,
    LoginRefused,
    Reviewers,
    Role,
    allowed_role,
)

SESSION_KEY = "reviewer_identity"


@st.cache_resource(show_spinner=False)
def _reviewers(url: str, _services: Services) -> Reviewers:  # noqa: ARG001 - the url is the cache key
    assert _services.db is not None
    return Reviewers(_services.db)


def reviewers_of(services: Services) -> Reviewers:
    """The accounts and access log on the services' database, opened once per process."""
    assert services.db is not None
    return _reviewers(services.db.url, services)


def _secrets_value(name: str) -> str:
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file at all
        return ""
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value) if value else ""


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def _allow_list(settings: Settings, name: str) -> list[str]:
    """An allow-list from the settings, else from .streamlit/secrets.toml (same name, lower case)."""
    return settings.allow_list(name) or [v.strip() for v in _secrets_value(name).split(",") if v.strip()]


def _once(reviewers: Reviewers, event: str, account: str, detail: str) -> None:
    """Log an OIDC login or refusal once per browser session, not on every rerun."""
    key = f"logged-{event}-{account}"
    if not st.session_state.get(key):
        reviewers.record(event, account, "oidc", detail)
        st.session_state[key] = True


def _oidc_identity(services: Services, reviewers: Reviewers) -> Identity | None:
    if not st.user.is_logged_in:
        st.info("The review page is for the Medical Advisory Board. Log in with your organisation account.")
        st.button("Log in", on_click=st.login, key="oidc_login")
        return None
    settings = services.settings
    email = str(st.user.get("email") or "")
    raw_groups = st.user.get(settings.oidc_groups_claim) or []
    groups = [raw_groups] if isinstance(raw_groups, str) else [str(g) for g in raw_groups]
    role = allowed_role(
        email,
        groups,
        _allow_list(settings, "reviewer_emails"),
        _allow_list(settings, "admin_emails"),
        _allow_list(settings, "reviewer_groups"),
        _allow_list(settings, "admin_groups"),
    )
    if role is None or not email:
        _once(reviewers, "login_refused", email or "(no email claim)", "not on the reviewer allow-lists")
        st.error(
            f"You are logged in as {plain(email) if email else 'an account without an email address'}, but you are "
            "not on the "
            "Medical Advisory Board's reviewer list. Ask an administrator to add you (REVIEWER_EMAILS, "
            "ADMIN_EMAILS or the groups settings)."
        )
        st.button("Log out", on_click=st.logout, key="oidc_logout")
        return None
    _once(reviewers, "login", email, f"oidc, role {role.value}")
    return Identity(name=email, role=role, via="oidc")


def _account_login(reviewers: Reviewers) -> Identity | None:
    if not reviewers.accounts():
        st.warning(
            "No reviewer accounts exist yet, so this page cannot change anything. An administrator creates "
            "them on the server: `python -m knowledge reviewers add NAME --role admin` (or configure an OIDC "
            "provider in .streamlit/secrets.toml)."
        )
        return None
    st.info("The review page is for the Medical Advisory Board. Log in with your reviewer account.")
    with st.form("reviewer_login", clear_on_submit=True):
        name = st.text_input("Reviewer name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Log in")
    if not submitted:
        return None
    try:
        identity = reviewers.login(name, password)
    except LoginRefused as refused:
        st.error(str(refused))
        return None
    st.session_state[SESSION_KEY] = identity.model_dump()
    return identity


def _demo_code(settings: Settings, reviewers: Reviewers) -> Identity | None:
    """The shared code plus a typed name: self-asserted, so only as an explicit demonstration opt-in."""
    code = settings.reviewer_access_code.get_secret_value() if settings.reviewer_access_code else ""
    if len(code) < MIN_PASSWORD_LENGTH:
        st.warning(f"Demo access is on, but REVIEWER_ACCESS_CODE is unset or shorter than {MIN_PASSWORD_LENGTH}.")
        return None
    st.caption("Demonstration access with a shared code: the name you type is recorded as given, not verified.")
    with st.form("demo_login", clear_on_submit=True):
        name = st.text_input("Your name", key="demo_name")
        entered = st.text_input("Shared access code", type="password", key="demo_code")
        submitted = st.form_submit_button("Enter")
    if not submitted:
        return None
    wait = reviewers.throttle.wait()
    if wait > 0:
        reviewers.record("login_refused", name.strip() or "?", "demo code", f"process slowed down for {wait:.0f} s")
        st.error(f"Too many failed logins on this server. Try again in {wait:.0f} seconds.")
        return None
    if not hmac.compare_digest(entered.encode(), code.encode()) or not name.strip():
        reviewers.throttle.failed()
        reviewers.record("login_failed", name.strip()[:40] or "?", "demo code", "wrong code or no name")
        st.error("That access code is not right, or the name is missing.")
        return None
    identity = Identity(name=f"{name.strip()[:60]} (demo code)", role=Role.REVIEWER, via="demo-code")
    reviewers.record("login", identity.name, "demo code")
    st.session_state[SESSION_KEY] = identity.model_dump()
    return identity


def reviewer_identity(services: Services) -> Identity | None:
    """The person on the page, or None (with the reason shown) when they may not change anything."""
    reviewers = reviewers_of(services)
    if _oidc_configured():
        identity = _oidc_identity(services, reviewers)
    else:
        stored = st.session_state.get(SESSION_KEY)
        identity = reviewers.still_valid(Identity.model_validate(stored)) if stored else None
        if stored and identity is None:
            st.session_state.pop(SESSION_KEY, None)
            st.error("Your reviewer account has been retired; you are logged out.")
            return None
        if identity is None:
            identity = _account_login(reviewers)
            if identity is None and services.settings.reviewer_demo_access:
                identity = _demo_code(services.settings, reviewers)
        if identity is not None:
            st.session_state[SESSION_KEY] = identity.model_dump()
    if identity is not None:
        left, right = st.columns([4, 1])
        left.caption(f"Logged in as **{plain(identity.name)}** ({identity.role.value}, {identity.via}).")
        if identity.via == "oidc":
            right.button("Log out", on_click=st.logout, key="logout")
        else:
            right.button("Log out", on_click=lambda: st.session_state.pop(SESSION_KEY, None), key="logout")
    return identity


def admin_view(services: Services, identity: Identity) -> None:
    """Administrators manage reviewer accounts and read the access log (failed logins first)."""
    reviewers = reviewers_of(services)
    st.subheader("Reviewers and access (administrators)")
    if message := st.session_state.pop("admin_message", None):
        st.success(message)
    accounts = reviewers.accounts()
    if accounts:
        st.dataframe(
            [
                {
                    "Name": a.name,
                    "Role": a.role.value,
                    "Active": a.active,
                    "Failed logins": a.failures,
                    "Locked until": a.locked_until,
                }
                for a in accounts
            ],
            hide_index=True,
            width="stretch",
        )
    if _oidc_configured():
        st.caption("With OIDC, reviewers and admins come from the allow-lists in the settings.")
    with st.form("add_reviewer", clear_on_submit=True):
        st.markdown("**Add a reviewer account**")
        name = st.text_input("Name", key="new_reviewer_name")
        role = st.selectbox("Role", [r.value for r in Role], key="new_reviewer_role")
        password = st.text_input(
            f"Initial password (at least {MIN_PASSWORD_LENGTH} characters)", type="password", key="new_reviewer_pw"
        )
        if st.form_submit_button("Add account"):
            _admin_act(lambda: reviewers.add(name.strip(), Role(role), password, identity.name), f"{name} added.")
    if accounts:
        chosen = st.selectbox("Account", [a.name for a in accounts], key="admin_account")
        account = next(a for a in accounts if a.name == chosen)
        cols = st.columns(4)
        if account.active:
            if cols[0].button("Retire", key="admin_retire"):
                _admin_act(lambda: reviewers.set_active(chosen, False, identity.name), f"{chosen} retired.")
        elif cols[0].button("Restore", key="admin_restore"):
            _admin_act(lambda: reviewers.set_active(chosen, True, identity.name), f"{chosen} restored.")
        other = Role.REVIEWER if account.role is Role.ADMIN else Role.ADMIN
        if cols[1].button(f"Make {other.value}", key="admin_role"):
            _admin_act(lambda: reviewers.set_role(chosen, other, identity.name), f"{chosen} is now {other.value}.")
        if cols[2].button("Unlock", key="admin_unlock"):
            _admin_act(lambda: reviewers.unlock(chosen, identity.name), f"{chosen} unlocked.")
        new_password = cols[3].text_input("New password", type="password", key="admin_new_pw")
        if new_password and cols[3].button("Set password", key="admin_set_pw"):
            _admin_act(lambda: reviewers.set_password(chosen, new_password, identity.name), f"{chosen}: password set.")
    st.markdown("**Access log** (newest first)")
    events = reviewers.events(100)
    if events:
        st.dataframe([e.model_dump() for e in events], hide_index=True, width="stretch")
    else:
        st.caption("No access events yet.")


def _admin_act(change: Callable[[], object], message: str) -> None:
    try:
        change()
    except AccountError as exc:
        st.error(str(exc))
    else:
        st.session_state.admin_message = message
        st.rerun()

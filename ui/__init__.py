"""Streamlit rendering: widgets and session state only; no retrieval or prompt logic."""

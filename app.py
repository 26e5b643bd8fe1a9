"""CVScope Streamlit entry point: builds the navigation; pages live in app_pages/."""

import streamlit as st

st.set_page_config(page_title="CVScope", page_icon="📄", layout="wide")
st.title("CVScope")
st.write("CV analysis, ATS-style matching and rejection diagnosis — runs entirely on your machine.")

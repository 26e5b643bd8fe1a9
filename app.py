"""CVScope Streamlit entry point: page config, interface language, navigation over app_pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages.i18n import LANG_NAMES, LANGS, init_lang, t
from app_pages.render import inject_css
from app_pages.services import start_warm_up

PAGES_DIR = Path(__file__).resolve().parent / "app_pages"

st.set_page_config(page_title="CVScope", page_icon="📄", layout="wide",
                   initial_sidebar_state="expanded")
init_lang()
inject_css()
start_warm_up()

st.logo(str(PAGES_DIR / "assets" / "logo.svg"), size="large")
with st.sidebar:
    st.radio(t("app.language"), LANGS, format_func=LANG_NAMES.__getitem__, key="lang",
             horizontal=True)
    st.caption(t("app.privacy"))


def page(name: str, icon: str, **options: object) -> st.Page:
    """A navigation page for `app_pages/<name>.py`, titled in the interface language."""
    return st.Page(str(PAGES_DIR / f"{name}.py"), title=t(f"nav.{name}"), icon=icon,
                   url_path=name.replace("_", "-"), **options)


candidate = [
    page("analyse", ":material/query_stats:", default=True),
    page("diagnose", ":material/troubleshoot:"),
    page("reply", ":material/forward_to_inbox:"),
]
pro = [page("batch", ":material/view_list:")]
# The coaching and talent-pool pages belong to the storage work; list them once they exist.
for name, icon in (("coaching", ":material/school:"), ("talent_pool", ":material/groups:")):
    if (PAGES_DIR / f"{name}.py").exists():
        pro.append(page(name, icon))

st.navigation({t("nav.section.candidate"): candidate, t("nav.section.pro"): pro}).run()

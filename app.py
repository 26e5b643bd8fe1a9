"""CVScope Streamlit entry point: page config, interface language, navigation over app_pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages.i18n import LANG_NAMES, LANGS, init_lang, t
from app_pages.render import inject_css

PAGES_DIR = Path(__file__).resolve().parent / "app_pages"

st.set_page_config(page_title="CVScope", page_icon="📄", layout="wide",
                   initial_sidebar_state="expanded")
init_lang()
inject_css()

with st.sidebar:
    st.markdown("### 📄 CVScope")
    st.radio(t("app.language"), LANGS, format_func=LANG_NAMES.__getitem__, key="lang",
             horizontal=True)
    st.caption(t("app.privacy"))

candidate = [
    st.Page(str(PAGES_DIR / "analyse.py"), title=t("nav.analyse"), icon="🔎",
            url_path="analyse", default=True),
    st.Page(str(PAGES_DIR / "diagnose.py"), title=t("nav.diagnose"), icon="🩺",
            url_path="diagnose"),
    st.Page(str(PAGES_DIR / "reply.py"), title=t("nav.reply"), icon="✉️", url_path="reply"),
]
pro = [st.Page(str(PAGES_DIR / "batch.py"), title=t("nav.batch"), icon="📚", url_path="batch")]
# The coaching and talent-pool pages belong to the storage work; list them once they exist.
for name, icon in (("coaching", "🧭"), ("talent_pool", "🗂️")):
    if (PAGES_DIR / f"{name}.py").exists():
        pro.append(st.Page(str(PAGES_DIR / f"{name}.py"), title=t(f"nav.{name}"), icon=icon,
                           url_path=name.replace("_", "-")))

st.navigation({t("nav.section.candidate"): candidate, t("nav.section.pro"): pro}).run()

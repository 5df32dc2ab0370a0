"""Translation of the interface strings, and the interface language.

Two kinds of strings, two helpers, so that what ``pyside6-lupdate`` extracts is exactly what is
looked up at run time:

* :func:`tr` for strings written literally at the call site, ``tr("Couples")``. lupdate files
  calls of a plain function ``tr`` under the empty context, so that is the context used here.
* :func:`translate` for strings declared elsewhere with ``QT_TRANSLATE_NOOP(context, ...)``
  (the form's labels in :mod:`azodesk.ui.fields`: context ``"Form"``; the panel's words in
  :mod:`azodesk.ui.viewmodels`: ``"Panel"``) and passed around as data.

``tests/ui/test_translation.py`` extracts the strings with lupdate, compiles a pseudo-translation
and checks that the widgets show it. lupdate sees only a literal written directly in the call:
``tr("A") if c else tr("B")``, never ``tr("A" if c else "B")``, and no ``tr()`` inside an f-string
(``tests/ui/test_i18n.py`` finds both). After adding strings: ``python -m azodesk.ui.catalogue
update`` and translate the new entries of ``resources/i18n/azodesk_id.ts``.

The interface language is the counselor's setting (``interface/language`` in ``desktop.ini``),
independent of the couple's handout language. :func:`set_language` installs the compiled
catalogue (:mod:`azodesk.ui.catalogue`) as the application's translator (or removes it for
English, the source language) and the matching default ``QLocale``; the windows then call their
``retranslate()``. If no ``.qm`` can be compiled, the ``.ts`` file itself is read
(:class:`TsTranslator`), so Indonesian never silently turns into English.
"""

from __future__ import annotations

import sys
from typing import Literal

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from azodesk.ui import catalogue

Lang = Literal["en", "id"]
# The languages by their own names (the usual way to offer a language).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "id": "Bahasa Indonesia"}
SETTING = "interface/language"
_LOCALES = {"en": "en_GB", "id": "id_ID"}
_state: dict[str, object] = {"lang": "en", "translator": None}
_translators: dict[str, QTranslator] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def tr_form(text: str) -> str:
    """A field label, unit, choice or message declared with ``QT_TRANSLATE_NOOP("Form", ...)``."""
    return QCoreApplication.translate("Form", text)


def tr_panel(text: str) -> str:
    """A word declared with ``QT_TRANSLATE_NOOP("Panel", ...)``."""
    return QCoreApplication.translate("Panel", text)


# --- the interface language --------------------------------------------------------------------------


def current_language() -> Lang:
    return "id" if _state["lang"] == "id" else "en"


def default_language() -> Lang:
    """Indonesian on an Indonesian system, else English."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def saved_language(settings: QSettings) -> Lang:
    value = settings.value(SETTING)
    return value if value in LANGUAGE_NAMES else default_language()  # type: ignore[return-value]


def save_language(settings: QSettings, lang: Lang) -> None:
    settings.setValue(SETTING, lang)
    settings.sync()


class TsTranslator(QTranslator):
    """Reads a ``.ts`` catalogue directly: the fallback when no ``.qm`` can be compiled."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.table = {(e.context, e.source): e.translation for e in catalogue.entries(lang) if e.translation}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:  # noqa: ARG002
        return self.table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return not self.table


def _translator(lang: str) -> QTranslator:
    translator = _translators.get(lang)
    if translator is None:
        from azodesk.storage.paths import data_home

        path = catalogue.compiled(lang, data_home() / "i18n")
        translator = QTranslator()
        if path is None or not translator.load(str(path)):
            print(f"azodesk: reading the {lang} interface catalogue from its .ts file", file=sys.stderr)
            translator = TsTranslator(lang)
        _translators[lang] = translator
    return translator


def set_language(lang: str) -> Lang:
    """Make ``lang`` the interface language of the running application (English when unknown);
    widgets show it after their ``retranslate()``. Returns the language set."""
    chosen: Lang = "id" if lang == "id" else "en"
    app = QCoreApplication.instance()
    installed = _state["translator"]
    if chosen == _state["lang"] and (chosen == "en" or installed is not None):
        return chosen
    if app is not None and isinstance(installed, QTranslator):
        app.removeTranslator(installed)
    _state["translator"] = None
    if chosen != "en" and app is not None:
        translator = _translator(chosen)
        app.installTranslator(translator)
        _state["translator"] = translator
    QLocale.setDefault(QLocale(_LOCALES[chosen]))
    _state["lang"] = chosen
    return chosen

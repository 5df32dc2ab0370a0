"""Translation of the interface strings (issue 7 adds the catalogues and the language switch).

Two kinds of strings, two helpers, so that what ``pyside6-lupdate`` extracts is exactly what is
looked up at run time:

* :func:`tr` for strings written literally at the call site, ``tr("Couples")``. lupdate files
  calls of a plain function ``tr`` under the empty context, so that is the context used here.
* :func:`translate` for strings declared elsewhere with ``QT_TRANSLATE_NOOP(context, ...)``
  (the form's labels in :mod:`azodesk.ui.fields`: context ``"Form"``; the panel's words in
  :mod:`azodesk.ui.viewmodels`: ``"Panel"``) and passed around as data.

``tests/ui/test_translation.py`` extracts the strings with lupdate, compiles a pseudo-translation
and checks that the widgets show it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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

"""The counselor's desktop (PySide6): thin widgets over the domain and the record store.

Plain-Python presentation logic (no Qt import) lives in :mod:`azodesk.ui.fields`,
:mod:`azodesk.ui.draft`, :mod:`azodesk.ui.viewmodels` and :mod:`azodesk.ui.demo`.
"""

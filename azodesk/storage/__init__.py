"""The record store: couples, consultations, documents and the audit log in one SQLite file.

Only :mod:`azodesk.storage.service` (``RecordStore``) and the frozen records of
:mod:`azodesk.storage.records` are meant for the rest of AzoDesk; no SQLAlchemy object leaves
this package.
"""

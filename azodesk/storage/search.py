"""Couple search: folding, and turning what the counselor typed into safe query conditions.

Each couple's ``search_text`` is its names and record number folded (NFKD, combining marks
removed, casefolded), one per line. The FTS5 table ``couple_search`` indexes it with the trigram
tokenizer, so any part of a word of three characters or more is found through the index;
shorter words are matched with ``instr`` on the same folded column (a scan of the partial index
``ix_couples_living``). Every word typed must match
(in any order, in either partner's name or the record number). User text only ever travels as a
bound parameter: for FTS5 each word becomes a quoted phrase with its quotes doubled.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import ColumnElement, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from azodesk.storage.models import Couple

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
TRIGRAM = 3
SCAN_PROBE = 1000

couple_search = table("couple_search", column("rowid"), column("search_text"))


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Sárí" and "SARI" both become "sari"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_text(male_name: str | None, female_name: str | None, record_number: str | None) -> str:
    return "\n".join(fold(part) for part in (male_name, female_name, record_number) if part)


@dataclass(frozen=True)
class ParsedQuery:
    long_terms: tuple[str, ...]  # three characters or more: through the FTS5 index
    short_terms: tuple[str, ...]  # one or two characters: instr() on the folded column

    @property
    def empty(self) -> bool:
        return not (self.long_terms or self.short_terms)

    def fts_expression(self) -> str:
        """The FTS5 MATCH expression: every word a quoted phrase, all required."""
        return " AND ".join('"' + term.replace('"', '""') + '"' for term in self.long_terms)


def parse_query(query: str) -> ParsedQuery:
    words = fold(query[:MAX_QUERY_LENGTH]).split()
    words = [w for w in (_printable(w) for w in words) if w]
    unique = list(dict.fromkeys(words))[:MAX_TERMS]
    return ParsedQuery(
        long_terms=tuple(w for w in unique if len(w) >= TRIGRAM),
        short_terms=tuple(w for w in unique if len(w) < TRIGRAM),
    )


def _printable(word: str) -> str:
    return "".join(c for c in word if unicodedata.category(c) not in ("Cc", "Cs", "Cf"))


def conditions(parsed: ParsedQuery) -> list[ColumnElement[bool]]:
    """WHERE conditions on :class:`Couple` for a parsed query (living couples only)."""
    found: list[ColumnElement[bool]] = [Couple.deleted_at.is_(None)]
    if parsed.long_terms:
        found.append(Couple.id.in_(select(couple_search.c.rowid).where(_match(parsed))))
    found += [func.instr(Couple.search_text, term) > 0 for term in parsed.short_terms]
    return found


def _match(parsed: ParsedQuery) -> ColumnElement[bool]:
    expression: ColumnElement[bool] = literal_column("couple_search").op("MATCH")(
        parsed.fts_expression())
    return expression


def find_page(session: Session, parsed: ParsedQuery, offset: int,
              limit: int) -> tuple[int, list[int]]:
    """The number of living couples that match and the ids of one page, newest first."""
    if parsed.long_terms and not parsed.short_terms:
        return _find_in_index(session, parsed, offset, limit)
    return _find_by_scan(session, parsed, offset, limit)


def _find_in_index(session: Session, parsed: ParsedQuery, offset: int,
                   limit: int) -> tuple[int, list[int]]:
    # Counted and paged inside the FTS5 table, which holds living couples only (its triggers
    # drop soft-deleted ones): no join with ``couples`` at all.
    rowid = couple_search.c.rowid
    total = session.scalar(select(func.count()).select_from(couple_search).where(_match(parsed)))
    ids = session.scalars(select(rowid).where(_match(parsed)).order_by(rowid.desc())
                          .offset(offset).limit(limit))
    return int(total or 0), list(ids)


def _find_by_scan(session: Session, parsed: ParsedQuery, offset: int,
                  limit: int) -> tuple[int, list[int]]:
    # The empty query and short words read the partial index ``ix_couples_living``. For the
    # first pages a probe, newest first, stops early for common words and answers rare ones in
    # one pass; only when it fills up is a separate count needed.
    ordered = select(Couple.id).where(*conditions(parsed)).order_by(Couple.id.desc())
    if offset + limit <= SCAN_PROBE:
        probe = list(session.scalars(ordered.limit(SCAN_PROBE + 1)))
        if len(probe) <= SCAN_PROBE:
            return len(probe), probe[offset:offset + limit]
        return _count(session, parsed), probe[offset:offset + limit]
    total = _count(session, parsed)
    if total <= offset:
        return total, []
    return total, list(session.scalars(ordered.offset(offset).limit(limit)))


def _count(session: Session, parsed: ParsedQuery) -> int:
    total = session.scalar(select(func.count()).select_from(Couple).where(*conditions(parsed)))
    return int(total or 0)

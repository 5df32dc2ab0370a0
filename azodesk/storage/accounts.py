"""Counselor accounts: first setup, sign-in with throttling, re-authentication, administration.

Plain Python over the record store (no Qt); the desktop's setup, login, idle-lock and
administration screens and the command line (``--counselor NAME --passphrase-file FILE``) all
call :class:`AccountService`.

* **Accounts** are rows of ``counselors`` with a ``password_hash`` (argon2id,
  :mod:`azodesk.security.passwords`); ``role`` is ``admin`` or ``counselor``. A database has
  *accounts* once the first setup ran (:meth:`AccountService.needs_setup` is then ``False``);
  before that, the headless commands work without credentials.
* **Sign-in** (:meth:`authenticate`): an unknown user name and a wrong password get the same
  answer. After 5 wrong passwords in a row each further attempt must wait (2 s, 4 s, 8 s … up to
  5 minutes, :mod:`azodesk.security.throttle`); during the wait the password is not even
  checked and :class:`ThrottledError` says when to try again. The service never sleeps.
  A correct password resets the count. A disabled account is refused with its own message, and
  only after the right password (so the message tells a guesser nothing).
* **One secret**: the account password is also the passphrase of the counselor's signing key.
  :meth:`change_password` re-encrypts that key; :meth:`reset_password` (administrator) destroys
  it, since nobody can open it any more, and the next signature issues a new identity.
* **Encrypted databases** (:mod:`azodesk.storage.encryption`): every new or reset password also
  seals the database's data key in its keyring, so that the account's password opens the file.
* **Audit**: every sign-in, failed sign-in (with the user name and the reason, never the
  password), re-authentication, sign-out, setup, account change and settings change is an entry
  of the hash-chained audit log.

Every method opens its own transactions; a :class:`Session` is a plain frozen record that the
caller keeps while the counselor is signed in. Methods that need an administrator re-read the
account, so a session of an account disabled or demoted since sign-in is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session as DbSession

from azodesk.security import throttle
from azodesk.security.passwords import (
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from azodesk.storage import audit, audit_view, convert, encryption, validation
from azodesk.storage.database import Database, open_database
from azodesk.storage.errors import (
    AccountDisabledError,
    AccountError,
    AlreadySetUpError,
    AuthenticationError,
    InvalidInputError,
    NoPasswordError,
    NotFoundError,
    NotSetUpError,
    PermissionDeniedError,
    ThrottledError,
    WeakPasswordError,
)
from azodesk.storage.models import ROLES, Clinic, Counselor, utc_now
from azodesk.storage.records import AuditRecord, CounselorRecord, Page
from azodesk.storage.service import RecordStore

Clock = Callable[[], dt.datetime]

USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
IDLE_MINUTES_RANGE = (1, 240)
DEFAULT_JURISDICTION = "ID"
DEFAULT_IDLE_MINUTES = 5
UNKNOWN_ACTOR = "unknown"
_SET_UP_ALREADY = ("this clinic is set up already; the administrator adds counselors and changes "
                   "the settings")


@functools.cache
def _dummy_hash() -> str:
    """Checked when the user name is unknown, so that the answer takes as long as for a real
    account."""
    return hash_password("azodesk-timing-equaliser")


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in counselor. Keep it while they work; it carries no secret."""

    counselor_id: int
    username: str
    display_name: str
    role: str
    signed_in_at: dt.datetime

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def actor(self) -> int:
        """What a :class:`RecordStore` writing on this counselor's behalf takes as ``actor``."""
        return self.counselor_id


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    name: str
    city: str
    jurisdiction: str
    idle_lock_minutes: int
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PasswordChange:
    """What :meth:`AccountService.change_password` did.

    ``signing_key``: ``"re-encrypted"`` (signing keeps working), ``"none"`` (no signing identity
    yet) or ``"re-issued"`` (the old key did not open with the old password, so it was destroyed
    and the next signature issues a new identity).
    """

    counselor: CounselorRecord
    signing_key: str
    message: str


@dataclass(frozen=True, slots=True)
class PasswordReset:
    """What :meth:`AccountService.reset_password` did; ``identity_retired`` is ``True`` when a
    signing key was destroyed (a new identity is issued at the counselor's next signature)."""

    counselor: CounselorRecord
    identity_retired: bool
    message: str


# --------------------------------------------------------------------------- checks


def normalise_username(value: object) -> str:
    """A user name as stored: NFKC, trimmed, case-folded; :class:`InvalidInputError` if it is
    not 2–64 of ``a-z 0-9 . _ -`` starting with a letter or digit."""
    if not isinstance(value, str):
        raise InvalidInputError("username: expected text")
    name = unicodedata.normalize("NFKC", value).strip().casefold()
    if not USERNAME_PATTERN.fullmatch(name):
        raise InvalidInputError(
            "username: use 2 to 64 lower-case letters, digits, dots, hyphens or underscores, "
            "starting with a letter or digit (for example dewi or dr.ayu)")
    return name


def _weak(password: object, *, username: str, clinic: str) -> None:
    if not isinstance(password, str):
        raise WeakPasswordError("password: expected text")
    problems = password_problems(password, username=username, clinic=clinic)
    if problems:
        raise WeakPasswordError("password: " + " ".join(p.message for p in problems),
                                tuple(problems))


def _display_name(value: object) -> str:
    return str(validation.text("display_name", value, max_length=validation.NAME_MAX,
                               required=True))


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    local = moment.astimezone()
    seconds = max(1, int((moment - now).total_seconds() + 0.999))
    return f"{local:%H:%M:%S} (in {seconds} second{'s' if seconds != 1 else ''})"


# --------------------------------------------------------------------------- the service


class AccountService:
    """Accounts of one database. ``clock`` (aware UTC datetimes) is for tests of the throttle;
    ``keys`` is the signing-key folder (default: ``keys/`` of the data folder)."""

    def __init__(self, database: Database, *, clock: Clock | None = None,
                 keys: Path | None = None) -> None:
        self.database = database
        self._clock = clock or utc_now
        self._keys = keys

    @classmethod
    def open(cls, path: Path | str | None = None, **kwargs: Any) -> AccountService:
        return cls(open_database(path), **kwargs)

    @classmethod
    def of(cls, store: RecordStore, **kwargs: Any) -> AccountService:
        """The accounts of the database ``store`` works on."""
        return cls(store.database, **kwargs)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> AccountService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------- plumbing

    def _now(self) -> dt.datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must give aware datetimes")
        return now

    @staticmethod
    def _audit(s: DbSession, actor: str | None, action: str, entity: str,
               entity_id: int | None, *, fields: Sequence[str] = (), detail: str | None = None,
               before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
        audit.append(s, actor=actor, action=action, entity=entity, entity_id=entity_id,
                     fields=fields, detail=detail, before=before, after=after)

    @staticmethod
    def _by_username(s: DbSession, username: str) -> Counselor | None:
        wanted = unicodedata.normalize("NFKC", username).strip().casefold()
        for row in s.scalars(select(Counselor).order_by(Counselor.id)):
            if row.username.casefold() == wanted:
                return row
        return None

    def _named(self, s: DbSession, username: str) -> Counselor:
        row = self._by_username(s, username) if isinstance(username, str) else None
        if row is None:
            raise NotFoundError(f"no counselor with the user name {username!r}")
        return row

    @staticmethod
    def _accounts_exist(s: DbSession) -> bool:
        return s.scalar(select(Counselor.id).where(Counselor.password_hash.is_not(None))
                        .limit(1)) is not None

    @staticmethod
    def _clinic_row(s: DbSession) -> Clinic | None:
        return s.get(Clinic, 1)

    def _clinic_name(self, s: DbSession) -> str:
        row = self._clinic_row(s)
        return row.name if row else ""

    def _require(self, s: DbSession, session: Session, *, admin: bool = False,
                 doing: str = "do this") -> Counselor:
        """The session's account, still active (and an administrator when ``admin``)."""
        if not isinstance(session, Session):
            raise PermissionDeniedError(f"sign in to {doing}")
        row = s.get(Counselor, session.counselor_id)
        if row is None or row.password_hash is None or not row.active:
            raise PermissionDeniedError(
                f"your account is no longer active; sign in again to {doing}")
        if admin and row.role != "admin":
            raise PermissionDeniedError(f"only an administrator can {doing}")
        return row

    @staticmethod
    def _session(row: Counselor, now: dt.datetime) -> Session:
        return Session(row.id, row.username, row.display_name, row.role, now)

    @contextmanager
    def _keyring(self, username: str, password: str) -> Iterator[None]:
        """For an encrypted database: seal its data key for this account's (new) password before
        the transaction that stores the password; put the keyring back if that fails."""
        previous = encryption.set_account_key(self.database.path, username, password)
        try:
            yield
        except BaseException:
            if previous is not None:
                encryption.restore_keyring(self.database.path, previous)
            raise

    # ----------------------------------------------------------------------- setup, settings

    def needs_setup(self) -> bool:
        """``True`` until the first setup created the administrator (no accounts yet)."""
        with self.database.read() as s:
            return not self._accounts_exist(s)

    def setup_clinic(self, clinic_name: str, city: str, jurisdiction: str,
                     admin_username: str, admin_display_name: str, password: str) -> Session:
        """The first start: the clinic's settings and its administrator, who is then signed in.

        Refused (:class:`AlreadySetUpError`) once accounts exist. A counselor of the same user
        name from before accounts existed becomes the administrator (keeping their records).
        """
        if not self.needs_setup():
            raise AlreadySetUpError(_SET_UP_ALREADY)
        name = str(validation.text("clinic_name", clinic_name, max_length=validation.NAME_MAX,
                                   required=True))
        town = validation.text("city", city or None, max_length=validation.NAME_MAX) or ""
        code = self._jurisdiction(jurisdiction)
        username = normalise_username(admin_username)
        shown = _display_name(admin_display_name)
        _weak(password, username=username, clinic=name)
        password_hash = hash_password(password)
        now = self._now()
        with self._keyring(username, password), self.database.write() as s:
            if self._accounts_exist(s) or self._clinic_row(s) is not None:
                raise AlreadySetUpError(_SET_UP_ALREADY)
            row = self._by_username(s, username)
            before = audit.snapshot(row) if row else None
            if row is None:
                row = Counselor(username=username, display_name=shown)
                s.add(row)
            row.display_name, row.role, row.active = shown, "admin", True
            row.password_hash, row.password_changed_at = password_hash, now
            row.failed_attempts, row.last_failed_at = 0, None
            s.flush()
            actor = f"counselor:{row.id}"
            after = audit.snapshot(row)
            self._audit(s, actor, "create" if before is None else "update", "counselor", row.id,
                        fields=audit.changed_fields(before, after), before=before, after=after,
                        detail=f"administrator {username} created by the first setup")
            clinic = Clinic(id=1, name=name, city=town, jurisdiction=code,
                            idle_lock_minutes=DEFAULT_IDLE_MINUTES, created_at=now)
            s.add(clinic)
            s.flush()
            snap = audit.snapshot(clinic)
            self._audit(s, actor, "setup", "clinic", 1, fields=audit.changed_fields(None, snap),
                        after=snap, detail=f"clinic {name!r} set up")
            return self._session(row, now)

    @staticmethod
    def _jurisdiction(value: object) -> str:
        from azodesk.domain.knowledge import load_knowledge

        code = (value or DEFAULT_JURISDICTION) if isinstance(value, (str, type(None))) else value
        if not isinstance(code, str):
            raise InvalidInputError("jurisdiction: expected a code such as ID")
        code = code.strip().upper()
        known = sorted(load_knowledge().jurisdictions)
        if code not in known:
            raise InvalidInputError(f"jurisdiction: unknown {code!r}; known: {', '.join(known)}")
        return code

    def clinic_settings(self) -> ClinicSettings | None:
        """The clinic's settings (``None`` before the setup). Needs no session: the login and
        lock screens show the clinic's name and use the idle minutes."""
        with self.database.read() as s:
            row = self._clinic_row(s)
            if row is None:
                return None
            return ClinicSettings(row.name, row.city, row.jurisdiction, row.idle_lock_minutes,
                                  row.created_at)

    def update_clinic_settings(self, admin_session: Session, *, name: str | None = None,
                               city: str | None = None, jurisdiction: str | None = None,
                               idle_lock_minutes: int | None = None) -> ClinicSettings:
        """Change what is given (administrator only); audited with the changed fields."""
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = validation.text("name", name, max_length=validation.NAME_MAX,
                                              required=True)
        if city is not None:
            changes["city"] = validation.text("city", city or None,
                                              max_length=validation.NAME_MAX) or ""
        if jurisdiction is not None:
            changes["jurisdiction"] = self._jurisdiction(jurisdiction)
        if idle_lock_minutes is not None:
            low, high = IDLE_MINUTES_RANGE
            if (not isinstance(idle_lock_minutes, int) or isinstance(idle_lock_minutes, bool)
                    or not low <= idle_lock_minutes <= high):
                raise InvalidInputError(
                    f"idle_lock_minutes: expected a whole number from {low} to {high}")
            changes["idle_lock_minutes"] = idle_lock_minutes
        with self.database.write() as s:
            admin = self._require(s, admin_session, admin=True, doing="change the clinic settings")
            row = self._clinic_row(s)
            if row is None:
                raise NotSetUpError("the clinic is not set up yet")
            before = audit.snapshot(row)
            for key, value in changes.items():
                setattr(row, key, value)
            s.flush()
            after = audit.snapshot(row)
            fields = audit.changed_fields(before, after)
            if fields:
                self._audit(s, f"counselor:{admin.id}", "update", "clinic", 1, fields=fields,
                            before=before, after=after)
            return ClinicSettings(row.name, row.city, row.jurisdiction, row.idle_lock_minutes,
                                  row.created_at)

    # ----------------------------------------------------------------------- signing in

    def _throttled(self, s: DbSession, row: Counselor, now: dt.datetime,
                   context: str) -> ThrottledError | None:
        """Audit and return the refusal when the throttle's delay has not passed yet (the
        caller raises it after the transaction committed the audit entry)."""
        until = throttle.locked_until(row.failed_attempts, row.last_failed_at)
        if until is None or now >= until:
            return None
        self._audit(s, f"counselor:{row.id}", "sign_in_failed", "counselor", row.id,
                    detail=f"user name {row.username}: {context}: refused without checking "
                           f"the password after {row.failed_attempts} wrong passwords "
                           f"(next attempt allowed at {until.isoformat(timespec='seconds')})")
        return ThrottledError(
            f"too many wrong passwords: try again after {_when(until, now)}", until)

    def _verify(self, username: str, password: str, *, context: str,
                expected_id: int | None = None) -> Counselor:
        """Check the password with the throttle, count and audit the outcome; the account row
        (as read before the check) when it is right."""
        now = self._now()
        with self.database.read() as s:
            row = self._by_username(s, username) if isinstance(username, str) else None
            if expected_id is not None and (row is None or row.id != expected_id):
                row = s.get(Counselor, expected_id)
        if not isinstance(password, str):
            password = ""
        if row is None or row.password_hash is None:
            verify_password(_dummy_hash(), password)  # as long as for a real account
            raise self._unknown(username, row, context)
        with self.database.write() as s:
            fresh = s.get(Counselor, row.id)
            assert fresh is not None
            refused = self._throttled(s, fresh, now, context)
            if refused is None:
                # Counted before the check, under the write lock: attempts made in parallel
                # cannot all pass the throttle. A right password resets the count below.
                s.execute(update(Counselor).where(Counselor.id == row.id).values(
                    failed_attempts=Counselor.failed_attempts + 1, last_failed_at=now))
        if refused is not None:
            raise refused
        right = verify_password(row.password_hash, password)
        with self.database.write() as s:
            fresh = s.get(Counselor, row.id)
            assert fresh is not None
            if not right:
                until = throttle.locked_until(fresh.failed_attempts, fresh.last_failed_at)
                self._audit(s, f"counselor:{row.id}", "sign_in_failed", "counselor", row.id,
                            detail=f"user name {row.username}: {context}: wrong password "
                                   f"({fresh.failed_attempts} in a row)")
                failure: Exception = AuthenticationError(
                    "wrong user name or password" + (
                        f"; too many wrong passwords: try again after {_when(until, now)}"
                        if until is not None and until > now else ""), until)
            elif not fresh.active:
                self._audit(s, f"counselor:{row.id}", "sign_in_failed", "counselor", row.id,
                            detail=f"user name {row.username}: {context}: account disabled")
                failure = AccountDisabledError(
                    f"the account {row.username} is disabled; ask the clinic's administrator")
            else:
                fresh.failed_attempts, fresh.last_failed_at = 0, None
                if needs_rehash(fresh.password_hash or ""):
                    fresh.password_hash = hash_password(password)
                return fresh
        raise failure

    def _unknown(self, username: object, row: Counselor | None, context: str) -> AccountError:
        """Audit a sign-in that names no account; the error to raise."""
        with self.database.write() as s:
            if row is not None:  # a counselor from before accounts: no password to check
                self._audit(s, f"counselor:{row.id}", "sign_in_failed", "counselor", row.id,
                            detail=f"user name {row.username}: {context}: no password set")
                return NoPasswordError(
                    f"{row.username} has no password yet; the clinic's administrator sets one "
                    f"(azodesk counselor reset-password)")
            shown = self._shown_username(username)
            self._audit(s, UNKNOWN_ACTOR, "sign_in_failed", "counselor", None,
                        detail=f"{shown}: {context}: unknown user name")
        return AuthenticationError("wrong user name or password")

    @staticmethod
    def _shown_username(username: object) -> str:
        """An unknown user name as the audit keeps it: only when it looks like a user name, since
        people sometimes type their password into the user-name field."""
        if isinstance(username, str):
            folded = unicodedata.normalize("NFKC", username).strip().casefold()
            if USERNAME_PATTERN.fullmatch(folded) and len(folded) <= 32:
                return f"user name {folded}"
        return "a user name that is not a valid user name (not recorded)"

    def authenticate(self, username: str, password: str, *, context: str = "sign-in") -> Session:
        """Sign in; a :class:`Session` or one of :class:`AuthenticationError` (unknown user name
        or wrong password, same message), :class:`ThrottledError` (``retry_at``),
        :class:`AccountDisabledError`, :class:`NoPasswordError`, :class:`NotSetUpError`.
        ``context`` goes into the audit entry (e.g. ``"command line: export"``)."""
        if self.needs_setup():
            raise NotSetUpError("this clinic has no accounts yet: run the first setup")
        note = self._context(context)
        row = self._verify(username, password, context=note)
        now = self._now()
        with self.database.write() as s:
            self._audit(s, f"counselor:{row.id}", "sign_in", "counselor", row.id,
                        detail=f"user name {row.username}: {note}")
        return self._session(row, now)

    @staticmethod
    def _context(context: object) -> str:
        text = str(context or "sign-in")
        text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
        return text[:100] or "sign-in"

    def reauthenticate(self, session: Session, password: str, *,
                       purpose: str = "sign") -> Session:
        """The signed-in counselor types their password again (before signing a summary, to
        unlock after the idle lock, …): counted, throttled and audited like a sign-in. Returns a
        fresh session."""
        if not isinstance(session, Session):
            raise PermissionDeniedError("sign in first")
        note = self._context(f"re-authentication ({purpose})")
        row = self._verify(session.username, password, context=note,
                           expected_id=session.counselor_id)
        now = self._now()
        with self.database.write() as s:
            self._audit(s, f"counselor:{row.id}", "reauthenticate", "counselor", row.id,
                        detail=f"user name {row.username}: {purpose}")
        return self._session(row, now)

    def unlock(self, session: Session, password: str) -> Session:
        """After the idle lock: the same counselor's password (:meth:`reauthenticate`)."""
        return self.reauthenticate(session, password, purpose="unlock")

    def sign_out(self, session: Session, *, reason: str = "signed out") -> None:
        """Audit the end of a session (``reason``: "signed out", "idle lock", "app closed")."""
        if not isinstance(session, Session):
            return
        with self.database.write() as s:
            self._audit(s, f"counselor:{session.counselor_id}", "sign_out", "counselor",
                        session.counselor_id, detail=self._context(reason))

    def check_session(self, session: Session) -> Session:
        """The session, refreshed, while its account is active; :class:`PermissionDeniedError`
        once the account was disabled (the desktop then locks)."""
        with self.database.read() as s:
            row = self._require(s, session, doing="continue")
            return Session(row.id, row.username, row.display_name, row.role,
                           session.signed_in_at)

    def store_for(self, session: Session) -> RecordStore:
        """A :class:`RecordStore` on this database that writes on the counselor's behalf."""
        self.check_session(session)
        return RecordStore(self.database, actor=session.counselor_id)

    # ----------------------------------------------------------------------- administration

    def password_problems(self, password: str, username: str = "") -> list[str]:
        """Why a new password would be refused (empty when it is fine), for live feedback."""
        with self.database.read() as s:
            clinic = self._clinic_name(s)
        return [p.message for p in password_problems(password, username=username, clinic=clinic)]

    def list_counselors(self, session: Session) -> tuple[CounselorRecord, ...]:
        """Every counselor (any signed-in counselor may see the list; no secrets in it)."""
        with self.database.read() as s:
            self._require(s, session, doing="see the counselors")
            rows = s.scalars(select(Counselor).order_by(Counselor.id)).all()
            return tuple(convert.counselor(r) for r in rows)

    def add_counselor(self, admin_session: Session, username: str, display_name: str,
                      password: str, *, role: str = "counselor") -> CounselorRecord:
        """A new account (administrator only). A counselor of this user name from before
        accounts existed gets the account (keeping their records)."""
        name = normalise_username(username)
        shown = _display_name(display_name)
        if role not in ROLES:
            raise InvalidInputError(f"role: expected one of {', '.join(ROLES)}")
        with self.database.read() as s:
            clinic = self._clinic_name(s)
        _weak(password, username=name, clinic=clinic)
        password_hash = hash_password(password)
        now = self._now()
        with self._keyring(name, password), self.database.write() as s:
            admin = self._require(s, admin_session, admin=True, doing="add counselors")
            row = self._by_username(s, name)
            if row is not None and row.password_hash is not None:
                raise InvalidInputError(f"username: {name!r} is already taken")
            before = audit.snapshot(row) if row else None
            if row is None:
                row = Counselor(username=name, display_name=shown)
                s.add(row)
            row.display_name, row.role, row.active = shown, role, True
            row.password_hash, row.password_changed_at = password_hash, now
            row.failed_attempts, row.last_failed_at = 0, None
            s.flush()
            after = audit.snapshot(row)
            self._audit(s, f"counselor:{admin.id}", "create" if before is None else "update",
                        "counselor", row.id, fields=audit.changed_fields(before, after),
                        before=before, after=after,
                        detail=f"account {name} ({role}) added by {admin.username}")
            return convert.counselor(row)

    def _set_active(self, admin_session: Session, username: str, active: bool) -> CounselorRecord:
        doing = "enable accounts" if active else "disable accounts"
        with self.database.write() as s:
            admin = self._require(s, admin_session, admin=True, doing=doing)
            row = self._named(s, username)
            if not active and row.role == "admin" and row.active:
                others = s.scalar(select(Counselor.id).where(
                    Counselor.role == "admin", Counselor.active.is_(True),
                    Counselor.password_hash.is_not(None), Counselor.id != row.id).limit(1))
                if others is None:
                    raise PermissionDeniedError(
                        "this is the last active administrator; add another administrator first")
            if bool(row.active) != active:
                before = audit.snapshot(row)
                row.active = active
                if active:
                    row.failed_attempts, row.last_failed_at = 0, None
                s.flush()
                after = audit.snapshot(row)
                self._audit(s, f"counselor:{admin.id}", "enable" if active else "disable",
                            "counselor", row.id, fields=audit.changed_fields(before, after),
                            before=before, after=after,
                            detail=f"account {row.username} {'enabled' if active else 'disabled'} "
                                   f"by {admin.username}")
            return convert.counselor(row)

    def disable_counselor(self, admin_session: Session, username: str) -> CounselorRecord:
        """The account can no longer sign in (its records and signatures stay)."""
        return self._set_active(admin_session, username, False)

    def enable_counselor(self, admin_session: Session, username: str) -> CounselorRecord:
        """Undo :meth:`disable_counselor` (and clear the wrong-password count)."""
        return self._set_active(admin_session, username, True)

    def change_password(self, session: Session, old_password: str,
                        new_password: str) -> PasswordChange:
        """The counselor changes their own password; their signing key is re-encrypted with the
        new one so that signing keeps working. A wrong old password counts as a failed sign-in."""
        from azodesk.reports.signing import (
            WrongPassphrase,
            change_identity_passphrase,
            restore_key_envelope,
            retire_identity,
        )

        if not isinstance(session, Session):
            raise PermissionDeniedError("sign in to change your password")
        row = self._verify(session.username, old_password, context="password change",
                           expected_id=session.counselor_id)
        with self.database.read() as s:
            clinic = self._clinic_name(s)
        _weak(new_password, username=row.username, clinic=clinic)
        if new_password == old_password:
            raise WeakPasswordError("password: the new password must differ from the old one")
        password_hash = hash_password(new_password)
        previous: bytes | None = None
        try:
            previous = change_identity_passphrase(row.id, old_password, new_password,
                                                  folder=self._keys)
            key_state = "re-encrypted" if previous is not None else "none"
        except WrongPassphrase:
            retire_identity(row.id, folder=self._keys)
            key_state = "re-issued"
        message = {
            "re-encrypted": "Password changed; your signing key now opens with the new password.",
            "none": "Password changed; your signing key will be made at your first signature.",
            "re-issued": "Password changed; your old signing key did not open with your old "
                         "password and was destroyed: a new signing identity is issued at your "
                         "next signature.",
        }[key_state]
        now = self._now()
        try:
            with self._keyring(row.username, new_password), self.database.write() as s:
                fresh = self._require(s, session, doing="change your password")
                self._set_password(s, fresh, password_hash, now, actor=fresh.id,
                                   action="password_change", detail=f"signing key {key_state}")
                record = convert.counselor(fresh)
        except BaseException:
            if previous is not None:
                restore_key_envelope(row.id, previous, folder=self._keys)
            raise
        return PasswordChange(record, key_state, message)

    def _set_password(self, s: Any, row: Any, password_hash: str, now: Any, *, actor: int,
                      action: str, detail: str) -> None:
        """Store a new password hash, clear the failed attempts, and audit what changed."""
        before = audit.snapshot(row)
        row.password_hash, row.password_changed_at = password_hash, now
        row.failed_attempts, row.last_failed_at = 0, None
        s.flush()
        after = audit.snapshot(row)
        self._audit(s, f"counselor:{actor}", action, "counselor", row.id,
                    fields=audit.changed_fields(before, after), before=before, after=after,
                    detail=detail)

    def reset_password(self, admin_session: Session, username: str,
                       new_password: str) -> PasswordReset:
        """An administrator sets a new password for a counselor who forgot theirs (the old one
        is never shown: only its hash was ever stored). The counselor's signing key, which only
        the old password opened, is destroyed; their next signature issues a new identity."""
        from azodesk.reports.signing import retire_identity

        with self.database.read() as s:
            self._require(s, admin_session, admin=True, doing="reset passwords")
            target = self._named(s, username)
            clinic = self._clinic_name(s)
        _weak(new_password, username=target.username, clinic=clinic)
        password_hash = hash_password(new_password)
        now = self._now()
        retired = retire_identity(target.id, folder=self._keys)
        message = (f"New password set for {target.username}. "
                   + ("Their old signing key can no longer be unlocked and was destroyed: a new "
                      "signing identity is issued at their next signature."
                      if retired else "They had no signing key yet."))
        with self._keyring(target.username, new_password), self.database.write() as s:
            admin = self._require(s, admin_session, admin=True, doing="reset passwords")
            row = self._named(s, target.username)
            self._set_password(
                s, row, password_hash, now, actor=admin.id, action="password_reset",
                detail=f"password of {row.username} reset by {admin.username}; "
                       + ("old signing key destroyed, a new identity is issued at the "
                          "next signature" if retired else "no signing key yet"))
            return PasswordReset(convert.counselor(row), retired, message)

    # ----------------------------------------------------------------------- signing

    def issue_signed_summary(self, session: Session, password: str, consultation_id: int, *,
                             language: str, clinic: Any = None, **options: Any) -> Any:
        """Re-authenticate (the password is asked again to sign) and sign the summary with the
        counselor's key, which the same password opens; returns the stored ``DocumentRecord``.

        ``options`` go to :func:`azodesk.reports.service.issue_signed_summary` (``handwriting``,
        ``couple_handwriting``, ``addendum``). ``clinic`` defaults to the clinic's settings. A
        signing key that no longer opens with the (verified) account password — a counselor from
        before accounts, or a crash during a password change — is destroyed and re-issued
        (audited).
        """
        from azodesk.reports.service import clinic_settings as summary_clinic
        from azodesk.reports.service import issue_signed_summary
        from azodesk.reports.signing import (
            WrongPassphrase,
            load_identity,
            retire_identity,
        )

        fresh = self.reauthenticate(session, password, purpose="sign")
        identity = load_identity(fresh.counselor_id, self._keys)
        if identity is not None:
            try:
                identity.unlock(password)
            except WrongPassphrase:
                retire_identity(fresh.counselor_id, folder=self._keys)
                with self.database.write() as s:
                    self._audit(s, f"counselor:{fresh.counselor_id}", "identity_reissue",
                                "counselor", fresh.counselor_id,
                                detail="the signing key did not open with the account password: "
                                       "destroyed, a new identity is issued now")
        store = self.store_for(fresh)
        chosen = clinic if clinic is not None else summary_clinic(store=store)
        return issue_signed_summary(store, consultation_id, counselor_id=fresh.counselor_id,
                                    passphrase=password, language=language, clinic=chosen,
                                    keys=self._keys, **options)

    # ----------------------------------------------------------------------- audit (admin)

    def audit_entries(self, admin_session: Session, *, offset: int = 0, limit: int = 100,
                      **filters: Any) -> Page[AuditRecord]:
        """The administrator's audit view: entries newest first; ``filters`` as
        :meth:`RecordStore.audit_entries` (actor, action, entity, entity_id, since, until)."""
        with self.database.read() as s:
            self._require(s, admin_session, admin=True, doing="see the audit log")
        return RecordStore(self.database, admin_session.counselor_id).audit_entries(
            offset=offset, limit=limit, **filters)

    def export_audit_csv(self, admin_session: Session,
                         target: str | Path | IO[str], **filters: Any) -> int:
        """Write the matching entries (oldest first) as CSV to a path or text stream (admin
        only); the export is audited. Returns the number of entries written."""
        with self.database.read() as s:
            self._require(s, admin_session, admin=True, doing="export the audit log")
        where = audit_view.AuditFilter(**filters)
        store = RecordStore(self.database, admin_session.counselor_id)
        return store.export_audit_csv(target, where)

    def verify_audit_chain(self, admin_session: Session) -> audit.ChainCheck:
        with self.database.read() as s:
            self._require(s, admin_session, admin=True, doing="check the audit log")
            return audit.verify_audit_chain(s)


def accounts_exist(database: Database) -> bool:
    """Whether the database has counselor accounts (then commands need credentials)."""
    with database.read() as s:
        return AccountService._accounts_exist(s)

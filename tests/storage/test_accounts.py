"""Counselor accounts: first setup, sign-in, throttle, disabled accounts, administration."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import new_couple

from azodesk.security.throttle import FREE_ATTEMPTS
from azodesk.storage.accounts import AccountService, Session, accounts_exist
from azodesk.storage.database import open_database
from azodesk.storage.errors import (
    AccountDisabledError,
    AlreadySetUpError,
    AuthenticationError,
    InvalidInputError,
    NoPasswordError,
    NotSetUpError,
    PermissionDeniedError,
    ThrottledError,
    WeakPasswordError,
)
from azodesk.storage.service import RecordStore

ADMIN_PASSWORD = "kopi tubruk di pagi hari"
DEWI_PASSWORD = "nasi goreng dengan telur"
START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


class Clock:
    """An injected clock: the throttle is tested without sleeping."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(db_path: Path, clock: Clock) -> Iterator[AccountService]:
    with AccountService(open_database(db_path), clock=clock) as service:
        yield service


@pytest.fixture
def admin(accounts: AccountService) -> Session:
    return accounts.setup_clinic("Klinik Harapan", "Yogyakarta", "ID", "admin", "Ibu Ratna",
                                 ADMIN_PASSWORD)


@pytest.fixture
def dewi(accounts: AccountService, admin: Session) -> Session:
    accounts.add_counselor(admin, "dewi", "Dewi Lestari", DEWI_PASSWORD)
    return accounts.authenticate("dewi", DEWI_PASSWORD)


def _last(accounts: AccountService, admin: Session, **filters: object) -> object:
    return accounts.audit_entries(admin, limit=1, **filters).items[0]


# --------------------------------------------------------------------------- setup


def test_first_setup_creates_the_clinic_and_a_signed_in_administrator(
        accounts: AccountService) -> None:
    assert accounts.needs_setup() and accounts.clinic_settings() is None
    assert not accounts_exist(accounts.database)
    with pytest.raises(NotSetUpError):
        accounts.authenticate("admin", ADMIN_PASSWORD)
    session = accounts.setup_clinic("Klinik Harapan", "Yogyakarta", "", "Admin", "Ibu Ratna",
                                    ADMIN_PASSWORD)
    assert session.is_admin and session.username == "admin"  # user names are case-folded
    assert not accounts.needs_setup() and accounts_exist(accounts.database)
    settings = accounts.clinic_settings()
    assert settings is not None
    assert (settings.name, settings.city, settings.jurisdiction, settings.idle_lock_minutes) == (
        "Klinik Harapan", "Yogyakarta", "ID", 5)
    assert accounts.authenticate("ADMIN", ADMIN_PASSWORD).counselor_id == session.counselor_id


def test_setup_runs_once(accounts: AccountService, admin: Session) -> None:
    with pytest.raises(AlreadySetUpError):
        accounts.setup_clinic("Other", "", "ID", "boss", "Boss", "another long passphrase")
    assert [c.username for c in accounts.list_counselors(admin)] == ["admin"]


@pytest.mark.parametrize(("password", "words"), [
    ("short", "at least 10 characters"),
    ("password123", "too easy to guess"),
    ("123456789012", "letters as well as digits"),
    ("admin rules the klinik", "user name"),
    ("klinik harapan forever", "clinic's name"),
])
def test_weak_passwords_are_refused_with_a_clear_reason(accounts: AccountService, password: str,
                                                        words: str) -> None:
    with pytest.raises(WeakPasswordError) as refused:
        accounts.setup_clinic("Klinik Harapan", "", "ID", "admin", "Ibu Ratna", password)
    assert words in str(refused.value) and refused.value.problems
    assert accounts.needs_setup()


@pytest.mark.parametrize(("field", "kwargs"), [
    ("username", {"admin_username": "a b"}),
    ("username", {"admin_username": "x"}),
    ("jurisdiction", {"jurisdiction": "XX"}),
    ("clinic_name", {"clinic_name": " "}),
    ("display_name", {"admin_display_name": ""}),
])
def test_setup_checks_its_inputs(accounts: AccountService, field: str,
                                 kwargs: dict[str, str]) -> None:
    values = {"clinic_name": "Klinik", "city": "", "jurisdiction": "ID", "admin_username": "admin",
              "admin_display_name": "Ibu Ratna", "password": ADMIN_PASSWORD, **kwargs}
    with pytest.raises(InvalidInputError, match=field):
        accounts.setup_clinic(**values)
    assert accounts.needs_setup()


def test_a_counselor_from_before_accounts_becomes_the_administrator(db_path: Path,
                                                                   clock: Clock) -> None:
    with RecordStore.open(db_path, actor="cli") as store:
        old = store.add_counselor("ayu", "dr. Ayu").id
        couple = new_couple(store)
        service = AccountService.of(store, clock=clock)
        session = service.setup_clinic("Klinik", "", "ID", "ayu", "dr. Ayu Lestari",
                                       ADMIN_PASSWORD)
        assert session.counselor_id == old and session.display_name == "dr. Ayu Lestari"
        assert store.get_couple(couple).id == couple
        # once accounts exist, counselors come from the administrator only
        with pytest.raises(PermissionDeniedError, match="administrator"):
            store.add_counselor("sneaky", "Sneaky")


# --------------------------------------------------------------------------- signing in


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(
        accounts: AccountService, dewi: Session, admin: Session) -> None:
    with pytest.raises(AuthenticationError) as wrong:
        accounts.authenticate("dewi", "nasi goreng tanpa telur")
    with pytest.raises(AuthenticationError) as unknown:
        accounts.authenticate("nobody", DEWI_PASSWORD)
    assert str(wrong.value) == str(unknown.value) == "wrong user name or password"
    failed = accounts.audit_entries(admin, action="sign_in_failed").items
    assert [(e.actor, e.actor_username) for e in failed] == [("unknown", None),
                                                             ("counselor:2", "dewi")]
    assert "user name nobody" in (failed[0].detail or "")
    assert "user name dewi" in (failed[1].detail or "") and "wrong password" in failed[1].detail


def test_an_unknown_user_name_that_may_be_a_password_is_not_recorded(
        accounts: AccountService, admin: Session) -> None:
    with pytest.raises(AuthenticationError):
        accounts.authenticate("Nasi Goreng dengan Telur!", "x")
    entry = _last(accounts, admin, action="sign_in_failed")
    assert "not recorded" in entry.detail and "Goreng" not in entry.detail  # type: ignore[attr-defined]


def test_a_disabled_account_is_refused_with_its_own_message(accounts: AccountService,
                                                            admin: Session, dewi: Session) -> None:
    accounts.disable_counselor(admin, "dewi")
    with pytest.raises(AccountDisabledError, match="disabled"):
        accounts.authenticate("dewi", DEWI_PASSWORD)
    # a wrong password tells a guesser nothing about the account
    with pytest.raises(AuthenticationError):
        accounts.authenticate("dewi", "wrong but long enough")
    # sessions of the account stop working too
    with pytest.raises(PermissionDeniedError):
        accounts.check_session(dewi)
    with pytest.raises(PermissionDeniedError):
        accounts.store_for(dewi)
    with pytest.raises(AccountDisabledError):
        accounts.reauthenticate(dewi, DEWI_PASSWORD)
    assert "account disabled" in _last(accounts, admin, action="sign_in_failed").detail  # type: ignore[attr-defined]
    accounts.enable_counselor(admin, "dewi")
    assert accounts.authenticate("dewi", DEWI_PASSWORD).counselor_id == dewi.counselor_id


def test_throttle_after_five_wrong_passwords(accounts: AccountService, dewi: Session,
                                             admin: Session, clock: Clock) -> None:
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError) as wrong:
            accounts.authenticate("dewi", "guess number one")
        assert wrong.value.retry_at is None
    with pytest.raises(AuthenticationError, match="try again after") as fifth:
        accounts.authenticate("dewi", "guess number five")
    assert fifth.value.retry_at == START + dt.timedelta(seconds=2)
    # during the delay even the right password is not checked
    with pytest.raises(ThrottledError, match="try again after") as throttled:
        accounts.authenticate("dewi", DEWI_PASSWORD)
    assert throttled.value.retry_at == START + dt.timedelta(seconds=2)
    assert "refused without checking" in _last(accounts, admin, action="sign_in_failed").detail  # type: ignore[attr-defined]
    clock.advance(2)
    with pytest.raises(AuthenticationError):  # the sixth wrong password: 4 seconds now
        accounts.authenticate("dewi", "guess number six")
    clock.advance(3)
    with pytest.raises(ThrottledError) as again:
        accounts.authenticate("dewi", DEWI_PASSWORD)
    assert again.value.retry_at == START + dt.timedelta(seconds=6)
    clock.advance(1)
    assert accounts.authenticate("dewi", DEWI_PASSWORD).username == "dewi"
    # success resets the count: five more free attempts
    for _ in range(FREE_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError) as wrong:
            accounts.authenticate("dewi", "guess again now")
        assert wrong.value.retry_at is None


def test_re_authentication_is_counted_and_throttled_like_a_sign_in(
        accounts: AccountService, dewi: Session, admin: Session) -> None:
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            accounts.reauthenticate(dewi, "not my password")
    with pytest.raises(ThrottledError):
        accounts.unlock(dewi, DEWI_PASSWORD)
    entries = accounts.audit_entries(admin, actor="dewi", action="sign_in_failed").items
    assert all("re-authentication" in (e.detail or "") for e in entries)


def test_re_authentication_is_audited_with_its_purpose(accounts: AccountService, dewi: Session,
                                                       admin: Session) -> None:
    fresh = accounts.unlock(dewi, DEWI_PASSWORD)
    assert fresh.counselor_id == dewi.counselor_id
    entry = _last(accounts, admin, action="reauthenticate")
    assert entry.actor_username == "dewi" and "unlock" in entry.detail  # type: ignore[attr-defined]
    accounts.sign_out(dewi, reason="idle lock")
    assert _last(accounts, admin, action="sign_out").detail == "idle lock"  # type: ignore[attr-defined]


def test_a_counselor_without_a_password_is_told_to_ask_the_administrator(
        db_path: Path, clock: Clock) -> None:
    with RecordStore.open(db_path, actor="cli") as store:
        store.add_counselor("ayu", "dr. Ayu")
        service = AccountService.of(store, clock=clock)
        admin = service.setup_clinic("Klinik", "", "ID", "admin", "Ibu Ratna", ADMIN_PASSWORD)
        with pytest.raises(NoPasswordError, match="administrator"):
            service.authenticate("ayu", "anything at all here")
        service.add_counselor(admin, "ayu", "dr. Ayu Lestari", DEWI_PASSWORD)
        assert service.authenticate("ayu", DEWI_PASSWORD).display_name == "dr. Ayu Lestari"


# --------------------------------------------------------------------------- administration


def test_only_an_administrator_may_administer(accounts: AccountService, dewi: Session) -> None:
    refused = [
        lambda: accounts.add_counselor(dewi, "rina", "Rina", "a long password for her"),
        lambda: accounts.disable_counselor(dewi, "admin"),
        lambda: accounts.enable_counselor(dewi, "dewi"),
        lambda: accounts.reset_password(dewi, "admin", "i am the admin now ok"),
        lambda: accounts.update_clinic_settings(dewi, idle_lock_minutes=60),
        lambda: accounts.audit_entries(dewi),
        lambda: accounts.export_audit_csv(dewi, Path("audit.csv")),
        lambda: accounts.verify_audit_chain(dewi),
    ]
    for call in refused:
        with pytest.raises(PermissionDeniedError, match="only an administrator"):
            call()
    forged = Session(dewi.counselor_id, "dewi", "Dewi", "admin", dewi.signed_in_at)
    with pytest.raises(PermissionDeniedError):  # the role is read from the database
        accounts.disable_counselor(forged, "admin")
    assert not Path("audit.csv").exists()


def test_the_last_administrator_cannot_be_disabled(accounts: AccountService, admin: Session,
                                                   dewi: Session) -> None:
    with pytest.raises(PermissionDeniedError, match="last active administrator"):
        accounts.disable_counselor(admin, "admin")
    accounts.add_counselor(admin, "budi", "Budi", "a long password for him", role="admin")
    accounts.disable_counselor(admin, "admin")
    with pytest.raises(PermissionDeniedError):  # a disabled administrator's session is dead
        accounts.add_counselor(admin, "rina", "Rina", "a long password for her")


def test_user_names_are_unique_whatever_their_case(accounts: AccountService, admin: Session,
                                                   dewi: Session) -> None:
    with pytest.raises(InvalidInputError, match="taken"):
        accounts.add_counselor(admin, "DEWI", "Another Dewi", "another long password")


def test_clinic_settings_are_changed_by_the_administrator(accounts: AccountService,
                                                          admin: Session) -> None:
    settings = accounts.update_clinic_settings(admin, idle_lock_minutes=10, city="Solo")
    assert (settings.idle_lock_minutes, settings.city, settings.name) == (10, "Solo",
                                                                          "Klinik Harapan")
    assert accounts.clinic_settings() == settings
    entry = _last(accounts, admin, entity="clinic")
    assert entry.action == "update" and set(entry.fields) == {"idle_lock_minutes", "city"}  # type: ignore[attr-defined]
    for bad in (0, 241, True, "5"):
        with pytest.raises(InvalidInputError, match="idle_lock_minutes"):
            accounts.update_clinic_settings(admin, idle_lock_minutes=bad)  # type: ignore[arg-type]


def test_change_password(accounts: AccountService, dewi: Session, admin: Session) -> None:
    with pytest.raises(AuthenticationError):
        accounts.change_password(dewi, "not the old one", "a brand new passphrase")
    with pytest.raises(WeakPasswordError, match="at least 10"):
        accounts.change_password(dewi, DEWI_PASSWORD, "short")
    with pytest.raises(WeakPasswordError, match="differ"):
        accounts.change_password(dewi, DEWI_PASSWORD, DEWI_PASSWORD)
    result = accounts.change_password(dewi, DEWI_PASSWORD, "a brand new passphrase")
    assert result.signing_key == "none" and result.counselor.password_changed_at is not None
    with pytest.raises(AuthenticationError):
        accounts.authenticate("dewi", DEWI_PASSWORD)
    assert accounts.authenticate("dewi", "a brand new passphrase").username == "dewi"
    entry = _last(accounts, admin, action="password_change")
    assert entry.actor_username == "dewi" and "password_hash" in entry.fields  # type: ignore[attr-defined]


def test_reset_password_never_reveals_the_old_one(accounts: AccountService, admin: Session,
                                                  dewi: Session) -> None:
    result = accounts.reset_password(admin, "dewi", "reset by the admin today")
    assert DEWI_PASSWORD not in result.message and "password" in result.message
    assert not result.identity_retired
    assert accounts.authenticate("dewi", "reset by the admin today").username == "dewi"
    with pytest.raises(AuthenticationError):
        accounts.authenticate("dewi", DEWI_PASSWORD)
    entry = _last(accounts, admin, action="password_reset")
    assert entry.actor_username == "admin" and entry.entity_id == dewi.counselor_id  # type: ignore[attr-defined]


def test_a_reset_clears_the_throttle(accounts: AccountService, admin: Session,
                                     dewi: Session) -> None:
    for _ in range(FREE_ATTEMPTS + 1):
        with pytest.raises((AuthenticationError, ThrottledError)):
            accounts.authenticate("dewi", "forgot it entirely")
    accounts.reset_password(admin, "dewi", "reset by the admin today")
    assert accounts.authenticate("dewi", "reset by the admin today").username == "dewi"


def test_password_problems_for_live_feedback(accounts: AccountService, admin: Session) -> None:
    assert accounts.password_problems("a long enough sentence") == []
    problems = accounts.password_problems("klinik harapan 2026", username="dewi")
    assert any("clinic" in p for p in problems)

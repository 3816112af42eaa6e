"""A failure of the database or the disk is said in one line of what failed and what to do, and
neither that line nor the log (readable by its owner only) holds a customer's details or a secret.

Each failure runs the real command in a subprocess with a home of its own, then reads its log.
An over-long value may be refused before the database (by the import's and the users' own checks)
or by it (the last safety net, checked here without those checks too); either way it is bad input.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.persistence.chain_key import KEY_FILE_VARIABLE
from receiving_app.persistence.database import create_database_engine
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.persistence.user_tables import UserRow
from receiving_app.services.failure_log import logged_failure
from receiving_app.services.failures import describe_failure
from receiving_app.services.passwords import hash_secret
from tests.support.databases import DATABASES, fresh_postgres_database
from tests.support.logged_cli import Customer, LoggedRun, log_folder, run_logged, write_rma_csv

ADMIN_PASSWORD = "admin-demo"  # the demo's admin (see `receiving-app demo`)
NEW_USERS_PASSWORD = "Quillfeather-7731"
SECRETS = (ADMIN_PASSWORD, NEW_USERS_PASSWORD, "$argon2")
CUSTOMER = Customer()

# A rule a database administrator added on the server, which the station does not check itself:
# it can only be broken where the rows are written, with the customer's row in the statement.
NATIONAL_PHONES_ONLY = {
    "sqlite": (
        "CREATE TRIGGER national_phones_only BEFORE INSERT ON customers WHEN NEW.phone LIKE '+%' "
        "BEGIN SELECT RAISE(ABORT, 'national_phones_only'); END"
    ),
    "postgresql": "ALTER TABLE customers ADD CONSTRAINT national_phones_only CHECK (phone NOT LIKE '+%') NOT VALID",
}


def _prepared_warehouse(url: str, folder: Path, dialect: str) -> str:
    station = bootstrap(url, settings_path=folder / "settings.json")
    try:
        fill_demo_data(station, rmas=0, seed=3)
        with station.units.engine.begin() as connection:
            connection.execute(text(NATIONAL_PHONES_ONLY[dialect]))
    finally:
        station.close()
    return url


@pytest.fixture(scope="module", autouse=True)
def audit_key_of_the_warehouse(tmp_path_factory):
    """The warehouses' audit chains are sealed in-process and written to by the commands: both
    must hold the same key (and not the tester's own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_FILE_VARIABLE, str(tmp_path_factory.mktemp("audit-key") / "audit-chain.key"))
        yield


@pytest.fixture(scope="module")
def sqlite_warehouse(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("sqlite-warehouse")
    return _prepared_warehouse(f"sqlite:///{folder / 'station.sqlite3'}", folder, "sqlite")


@pytest.fixture(scope="module")
def postgresql_warehouse(tmp_path_factory):
    with fresh_postgres_database() as url:
        yield _prepared_warehouse(url, tmp_path_factory.mktemp("postgresql-warehouse"), "postgresql")


@pytest.fixture(params=DATABASES)
def warehouse(request) -> str:
    return request.getfixturevalue(f"{request.param}_warehouse")


def assert_one_quiet_line(result: LoggedRun, code: int, *, private: tuple[str, ...] = ()) -> str:
    """The exit code, exactly one line on stderr, nothing private anywhere, and a log kept private."""
    assert result.code == code, result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "[SQL" not in result.stderr
    for detail in (*private, *SECRETS):
        assert detail.lower() not in result.stderr.lower(), f"{detail!r} printed"
        assert detail.lower() not in result.log.lower(), f"{detail!r} logged"
    if code == 1:
        assert "command failed" in result.log  # the contract: exit 1 keeps its detail in the log
    assert (result.log_mode, result.folder_mode) == (0o600, 0o700)
    return result.stderr


def test_a_database_refusing_an_imported_customer_says_so_without_the_customers_details(warehouse, tmp_path) -> None:
    csv_file = write_rma_csv(tmp_path / "rmas.csv", "RA7730001", CUSTOMER)

    result = run_logged(
        tmp_path,
        "--db",
        warehouse,
        "import",
        "rmas",
        str(csv_file),
        "--user",
        "admin",
        env={"RECEIVING_APP_PASSWORD": ADMIN_PASSWORD},
    )

    line = assert_one_quiet_line(result, 1, private=(*CUSTOMER.details(), "867-5309"))
    assert "national_phones_only" in line and "nothing was saved" in line
    assert "national_phones_only" in result.log


@pytest.mark.postgres
def test_a_value_longer_than_its_column_is_bad_input_naming_the_field(postgresql_warehouse, tmp_path) -> None:
    talkative = Customer(phone="555 867 5309, ask for Quentin at the loading dock")
    csv_file = write_rma_csv(tmp_path / "rmas.csv", "RA7730002", talkative)

    result = run_logged(
        tmp_path,
        "--db",
        postgresql_warehouse,
        "import",
        "rmas",
        str(csv_file),
        "--user",
        "admin",
        env={"RECEIVING_APP_PASSWORD": ADMIN_PASSWORD},
    )

    line = assert_one_quiet_line(result, 2, private=(*talkative.details(), "loading dock"))
    assert "phone" in line


@pytest.mark.postgres
def test_a_user_name_of_a_thousand_characters_is_bad_input_and_no_hash_is_logged(postgresql_warehouse, tmp_path):
    name = "q" * 1000

    result = run_logged(
        tmp_path,
        "--db",
        postgresql_warehouse,
        "users",
        "add",
        name,
        "--role",
        "supervisor",
        "--user",
        "admin",
        stdin=NEW_USERS_PASSWORD + "\n",
        env={"RECEIVING_APP_PASSWORD": ADMIN_PASSWORD},
    )

    line = assert_one_quiet_line(result, 2, private=(name[:65],))
    assert "name" in line and "64" in line


def test_a_database_server_that_does_not_answer_is_named_with_what_to_do(tmp_path) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = run_logged(tmp_path, "--db", f"postgresql+psycopg://station@127.0.0.1:{port}/receiving", "rma", "list")

    line = assert_one_quiet_line(result, 1)
    assert f"the database server at 127.0.0.1:{port} does not answer" in line and "--db" in line


def test_a_file_that_is_not_a_database_is_named_and_a_loose_log_is_made_private(tmp_path) -> None:
    garbage = tmp_path / "x" / "garbage.db"
    garbage.parent.mkdir()
    garbage.write_bytes(bytes(range(256)) * 64)
    folder = log_folder(tmp_path)
    folder.mkdir(parents=True, mode=0o755)
    (folder / "receiving-app.log").write_text("an earlier run\n")
    (folder / "receiving-app.log").chmod(0o644)

    result = run_logged(tmp_path, "--db", f"sqlite:///{garbage}", "rma", "list")

    line = assert_one_quiet_line(result, 1)
    assert f"the database file {garbage} is not a station database" in line
    assert result.log.startswith("an earlier run\n")


def test_a_read_only_folder_for_the_database_file_is_named(tmp_path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run_logged(
            tmp_path, "--db", f"sqlite:///{folder / 'station.sqlite3'}", "rma", "list", as_plain_user=True
        )
    finally:
        folder.chmod(0o755)

    line = assert_one_quiet_line(result, 1)
    assert f"cannot write to {folder}: the folder is read-only" in line


@pytest.mark.postgres
def test_the_database_side_net_names_every_over_long_column_and_logs_no_value(postgresql_warehouse) -> None:
    """Straight through the records, past the service's checks: what the server itself refuses."""
    engine = create_database_engine(postgresql_warehouse)
    units = UnitOfWorkFactory(engine)
    hashed = hash_secret(NEW_USERS_PASSWORD)
    try:
        with pytest.raises(DBAPIError) as refused, units.write() as uow:
            uow.records.add(UserRow(name="q" * 1000, display_name="Q" * 1000, role="admin", secret_hash=hashed))
            uow.commit()
    finally:
        engine.dispose()

    failure = describe_failure(refused.value)
    assert failure.bad_input
    assert failure.sentence == (
        "users.name (at most 64 characters) and users.display_name (at most 200 characters) "
        "are longer than the database allows: nothing was saved"
    )
    logged = logged_failure(refused.value)
    assert "SQLSTATE 22001" in logged and "INSERT INTO users" in logged
    assert hashed not in logged and "q" * 65 not in logged and "$argon2" not in logged

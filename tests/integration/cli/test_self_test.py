from tests.support.cli import run_cli


def test_self_test_loads_policies_decides_and_starts_qt_offscreen() -> None:
    run = run_cli("--self-test")
    assert run.code == 0, run.stderr
    assert "self-test ok: 4 policies, example decided refund 46.74" in run.stdout
    assert "offscreen" in run.stdout

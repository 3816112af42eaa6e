"""Background operations: services and devices run off the UI thread and answer by signal.

A widget hands ``OperationRunner.start`` a callable; a worker thread runs it and the result (or a
readable message) comes back on the UI thread through the returned ``Operation``'s signals. A
frame is 16 ms and a database or printer can take seconds, so nothing slow runs where it would
freeze the window. Work started under a key that is still running is refused, which is how the
window makes sure the same line is never received twice at once (the service would cope, but the
clerk would see two results for one keystroke).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal, Slot

from receiving_app.devices.printers import PrintError
from receiving_app.domain.errors import InputError, RuleRefusal

log = logging.getLogger(__name__)

_START = QEvent.Type(QEvent.registerEventType())


@functools.cache
def _after_paint_priority() -> int:
    # Qt posts a window's repaint at LowEventPriority; an event posted below it is handled after the
    # paint. Imported when first needed: the first import of ``Qt`` builds all its enums (13 ms),
    # which the sign-in dialog, on screen before any work starts, need not wait for.
    from PySide6.QtCore import Qt

    return Qt.EventPriority.LowEventPriority.value - 1


def readable_message(error: BaseException) -> str:
    """What the clerk reads when work fails: the refusal itself, or the line the command line
    would print (what failed and what to do; never the database's text, which quotes values)."""
    if isinstance(error, (InputError, RuleRefusal, PrintError)):
        return str(error)
    # Imported at the first failure, not with the window: the sign-in need not wait for them.
    from receiving_app.services.failures import describe_failure

    sentence = describe_failure(error).sentence
    return f"{sentence[:1].upper()}{sentence[1:]}. It has been logged."


class Operation(QObject):
    """One piece of work started by the runner.

    Signals:
        succeeded(object): the callable's return value, on the UI thread.
        failed(str): a message for the clerk, on the UI thread (the exception is logged).
        finished(): after either of the two.
    """

    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, key: str | None, owner: QObject | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.owner = owner
        self.error: BaseException | None = None

    def owner_gone(self) -> bool:
        """The widget that asked for this work was deleted while it ran (a sign-out, a lock)."""
        return self.owner is not None and not shiboken6.isValid(self.owner)


@dataclass(frozen=True, slots=True)
class _Outcome:
    result: Any
    error: BaseException | None


class _Relay(QObject):
    """Carries a worker's outcome back to the UI thread.

    It lives on the UI thread and the worker only emits, so Qt queues the call to ``deliver``
    (a bound slot, not a lambda: a lambda has no thread and would run on the worker). The
    outcome travels boxed: PySide6 6.12 on Python 3.11 loses a reference to a bare ``True``,
    ``False`` or ``None`` on every ``emit``, and enough lost references crash the interpreter.
    """

    done = Signal(object)

    def __init__(self, operation: Operation, finish: Callable[[Operation, Any, BaseException | None], None]) -> None:
        super().__init__(operation)
        self._operation = operation
        self._finish = finish
        self._start: Callable[[], None] | None = None
        self.done.connect(self.deliver)

    @Slot(object)
    def deliver(self, outcome: _Outcome) -> None:
        self._finish(self._operation, outcome.result, outcome.error)

    def start_after_paint(self, start: Callable[[], None]) -> None:
        self._start = start
        QCoreApplication.postEvent(self, QEvent(_START), _after_paint_priority())

    def event(self, event: QEvent) -> bool:
        if event.type() == _START and self._start is not None:
            start, self._start = self._start, None
            start()
            return True
        return super().event(event)


def _run_on_worker(work: Callable[[], Any], relay: _Relay) -> None:
    """Runs on a pool thread. Given to the pool as a plain callable, which PySide keeps alive until
    it has run: a Python QRunnable subclass could be collected by the UI thread's garbage collector
    while its thread still ran it."""
    try:
        outcome = _Outcome(work(), None)
    except Exception as error:  # every failure must reach the window, never kill the thread
        outcome = _Outcome(None, error)
    relay.done.emit(outcome)


class OperationRunner(QObject):
    """Runs callables on a thread pool and reports how many are still running.

    Signals:
        running_changed(int): how many operations are running, whenever that changes (a count,
            not a bool: see ``_Relay`` on bools in signals).
        busy_changed(): the runner went from idle to busy or back; read ``busy``.
    """

    running_changed = Signal(int)
    busy_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Operation] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def is_running(self, key: str) -> bool:
        return any(operation.key == key for operation in self._running)

    def start(
        self,
        work: Callable[[], Any],
        *,
        owner: QObject | None = None,
        key: str | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        after_paint: bool = False,
    ) -> Operation | None:
        """Run ``work`` in the background; None (and nothing started) if ``key`` is still running.

        ``owner`` is the widget the callbacks belong to: when it is deleted before the work ends,
        the work still completes but its callbacks are not called (they would touch a dead widget).
        ``after_paint`` holds the work back until Qt has painted what the caller just changed: for
        work nobody is looking at yet (a decision preview, an audit record), which would otherwise
        take the interpreter from the UI thread while it paints. It counts as running meanwhile.
        """
        if key is not None and self.is_running(key):
            return None
        operation = Operation(key, owner, self)
        if on_success is not None:
            operation.succeeded.connect(on_success)
        if on_failure is not None:
            operation.failed.connect(on_failure)
        relay = _Relay(operation, self._finish)
        self._running.add(operation)
        self.running_changed.emit(len(self._running))
        if len(self._running) == 1:
            self.busy_changed.emit()
        start = functools.partial(self._pool.start, functools.partial(_run_on_worker, work, relay))
        if after_paint:
            relay.start_after_paint(start)
        else:
            start()
        return operation

    def wait_for_done(self, milliseconds: int = 30_000) -> bool:
        """Block until the workers are idle; only for shutting down, never while the window runs."""
        QCoreApplication.sendPostedEvents(None, _START)  # work still waiting for a paint is not dropped
        return self._pool.waitForDone(milliseconds)

    def _finish(self, operation: Operation, result: Any, error: BaseException | None) -> None:
        self._running.discard(operation)
        if error is not None:
            operation.error = error
            if not isinstance(error, (InputError, RuleRefusal, PrintError)):
                from receiving_app.services.failure_log import logged_failure

                log.error("background operation failed: %s", logged_failure(error))
        if not operation.owner_gone():
            if error is None:
                # A bare bool would lose a reference in emit (see _Relay); its int says the same.
                operation.succeeded.emit(int(result) if isinstance(result, bool) else result)
            else:
                operation.failed.emit(readable_message(error))
        operation.finished.emit()
        operation.deleteLater()
        self.running_changed.emit(len(self._running))
        if not self._running:
            self.busy_changed.emit()

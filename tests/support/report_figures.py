"""A report's figures side by side with the same figures added up from the decisions it summarises."""

from __future__ import annotations

from receiving_app.services.reports import BenchReport
from tests.support import report_sums


def figures(report: BenchReport) -> dict:
    """The report's figures in the shape of tests/support/report_sums.py."""
    return {
        "outcomes": {count.outcome: count.lines for count in report.outcomes},
        "refunds": {
            method.method: (
                method.lines,
                method.merchandise,
                method.restocking_fees,
                method.label_deductions,
                method.shipping_refunded,
                method.refunded,
            )
            for method in report.refunds_by_method
            if method.lines
        },
        "fees": (report.fees.lines, report.fees.total),
        "reasons": {reason.code: reason.lines for reason in report.denials_by_reason},
        "operators": {
            count.name: (
                count.lines,
                count.refunds,
                count.replacements,
                count.denials,
                count.overridden,
                count.refunded,
            )
            for count in report.operators
        },
        "stations": {
            count.name: (
                count.lines,
                count.refunds,
                count.replacements,
                count.denials,
                count.overridden,
                count.refunded,
            )
            for count in report.stations
        },
        "overrides": {
            count.name: (
                count.lines,
                count.refunds,
                count.replacements,
                count.denials,
                count.overridden,
                count.refunded,
            )
            for count in report.overrides
        },
    }


def expected_figures(decided) -> dict:
    return {
        "outcomes": report_sums.outcomes(decided),
        "refunds": report_sums.refunds_by_method(decided),
        "fees": report_sums.fees(decided),
        "reasons": report_sums.denial_reasons(decided),
        "operators": report_sums.work(decided, lambda decision: decision.decided_by),
        "stations": report_sums.work(decided, lambda decision: decision.station),
        "overrides": report_sums.work(decided, lambda decision: decision.overridden_by),
    }

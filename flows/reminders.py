"""The reminders export as a Prefect flow (served on a schedule by
``vanban serve``): the query index → ``data/reminders.ics`` (or .csv)."""

from __future__ import annotations

from typing import Any

from prefect import flow, task

DEFAULT_OUT = "data/reminders.ics"


@task(name="export-reminders", task_run_name="export reminders → {out}")
def export_reminders(out: str, unit: str | None, days_before: int, alarm_mode: str, todo: bool,
                     db_url: str | None) -> dict[str, Any]:
    from tracker.reminders import export

    res = export(out, unit=unit, days_before=days_before, alarm_mode=alarm_mode, todo=todo, db_url=db_url)
    if res.unit_not_found:
        hint = f" (did you mean: {', '.join(res.suggestions)}?)" if res.suggestions else ""
        raise ValueError(f"no unit named {unit!r}{hint}")
    return {"out": res.out, "reminders": res.reminders, "undated": res.undated}


@flow(name="vanban-reminders")
def reminders_flow(
    out: str = DEFAULT_OUT,
    unit: str | None = None,
    days_before: int = 3,
    alarm_mode: str = "valarm",
    todo: bool = False,
    db_url: str | None = None,
) -> dict[str, Any]:
    """Export every deadline in the index (or one unit's) as reminders."""
    from prefect.artifacts import create_markdown_artifact

    summary = export_reminders(out, unit, days_before, alarm_mode, todo, db_url)
    create_markdown_artifact(
        key="vanban-reminders",
        markdown=f"{summary['reminders']} reminder(s) written to `{summary['out']}`"
                 + (f"; {summary['undated']} obligation(s) without a deadline left out" if summary["undated"] else ""),
        description="vanban reminders export",
    )
    return summary

"""The facilitator's menu card "This kiosk": kiosk doctor's checklist (kiosk.doctor), on the kiosk's own screen.

The checks run when the menu opens and on "Check again", with the content the kiosk shows and what it knows of
itself now (not the health.json of up to a minute ago). Something wrong is in the danger colour, with its fix.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.doctor import OK, Check, Context, run_checks, worst
from kiosk.health import health_record


def checks_now(app) -> list[Check]:
    data_dir = app.health.data_dir
    ctx = Context(app.content, data_dir, app.settings, health_record(app.health.state(), data_dir), datetime.now(),
                  language=app.facilitator_language.language)
    return run_checks(ctx, app.facilitator_gettext)


def add_health_card(menu, box, checks: list[Check], check_again) -> None:
    _ = menu._
    tone = "ink" if worst(checks) == OK else "danger"
    card = menu._card(box, "list-checks", _("This kiosk"), tone=tone)
    for check in checks:
        wrong = check.status != OK
        line = _("{title}: {found}").format(title=check.title, found=check.found)
        card.add_widget(menu._text(line, bold=wrong, tone="danger" if wrong else "ink"))
        if wrong and check.fix:
            card.add_widget(menu._text(check.fix, role="small", tone="muted"))
    card.add_widget(menu._button(_("Check again"), check_again, plain=True, icon="refresh-cw"))

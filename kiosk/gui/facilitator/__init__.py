"""The facilitator's screens and widgets: PIN pad, menu, tour bar, moderation (logic: kiosk.facilitator)."""

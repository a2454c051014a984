"""The facilitator's screens and widgets: PIN pad, menu, tour bar, wall moderation (logic in :mod:`kiosk.facilitator`)."""

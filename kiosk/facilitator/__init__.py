"""The facilitator's side of the kiosk: the PIN that guards the facilitator menu."""

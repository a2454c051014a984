"""Printed companions of the exhibition (``kiosk print``): see kiosk.printing.make and kiosk.printing.documents."""

"""Services shared by the screens: idle watching, the visitor session, languages, QR codes."""

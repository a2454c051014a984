"""The visitor's visit, free of Kivy: the session, idle watching, QR codes, visit statistics."""

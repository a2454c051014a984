"""The ``roleplay`` game: a group takes decisions together, in one of five ways (rules in ``engine.py``)."""

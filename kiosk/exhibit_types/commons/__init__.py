"""The ``commons`` game: a territory's shared resources, harvested by 2 to 6 players (rules in ``engine.py``)."""

"""Drawing the pictures of the bundled exhibition (run tools/make_illustrations.py).

The kit every picture uses:
    palette    colours, room colours, tint and shade
    geometry   arcs, Bezier curves, resampling, rotation, the question-mark path
    canvas     the supersampled Canvas: outlined shapes, text, clipping, safe area and bleed, PNG
Pictograms, by kind:
    people, buildings, nature, money, objects, symbols
The pictures, one module per theme, each with the pieces only its pictures draw:
    origins, hopes, limits, alternatives_money, alternatives_solidarity, alternatives_commons,
    roleplays, quizzes

The images are original work made for the project, released under CC BY-SA 4.0.
"""

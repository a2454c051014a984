"""The words of the funder report (``kiosk report``), in French and English, and how it writes numbers and dates.

Not UI strings (no gettext): the report is read by funders, not by visitors. Keep both
languages in step; :class:`Words` picks ``TEXTS[lang][key]`` and writes numbers, shares,
dates, durations and language names the way that language does (with Babel)::

    words = Words("fr")
    words("period_range", since="1er mars 2025", until="30 mars 2025")   # "du 1er mars 2025 au 30 mars 2025"
    words.plural("visits_n", 12)                                          # "12 visites"
"""

from __future__ import annotations

from datetime import date

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
TEXTS = {
    "fr": {
        "title": "Musée du Kapitalisme — fréquentation de la borne",
        "subtitle": "Borne tactile de l'exposition itinérante, Mouvement pour l'Économie Solidaire (MES)",
        "author": "Mouvement pour l'Économie Solidaire (MES)",
        "footer": "Musée du Kapitalisme — fréquentation de la borne",
        "label": "{label} :",
        "period": "Période", "period_range": "du {since} au {until}", "period_since": "depuis le {since}",
        "period_until": "jusqu'au {until}", "period_all": "toutes les données enregistrées",
        "venue": "Lieu", "venues": "Lieux", "venue_unset": "non renseigné",
        "made_label": "Établi", "made": "le {date} à {time}",
        "figures_heading": "Chiffres clés",
        "nothing": "Aucune visite n'a été enregistrée sur la borne pendant cette période.",
        "fig_visits": "Visites", "fig_days": "Jours avec au moins une visite", "fig_median": "Durée médiane d'une visite",
        "fig_opened": "Fiches ouvertes", "fig_qr": "QR codes montrés", "fig_quiz": "Réponses aux quiz",
        "quiz_value": "{n}, dont {share} de bonnes réponses", "fig_polls": "Votes aux sondages",
        "fig_wall": "Idées envoyées au mur des alternatives",
        "method_heading": "Méthode et confidentialité",
        "method": (
            "La borne compte elle-même, sans réseau, ce qui se passe à l'écran : le début et la fin de chaque visite, "
            "la langue choisie, les fiches ouvertes et le temps passé sur chacune, les QR codes affichés, les réponses "
            "aux quiz (justes ou non), les votes aux sondages et le nombre d'idées envoyées au mur des alternatives.\n"
            "Rien de personnel n'est enregistré : ni nom, ni image, ni identifiant d'appareil, ni texte saisi. Chaque "
            "évènement ne porte que sa date et son heure, le lieu choisi par l'équipe d'animation et, s'il y a lieu, "
            "la fiche et la langue concernées. Ces chiffres restent sur la borne ; ce rapport en est tiré.\n"
            "Une « visite » va du premier contact avec l'écran jusqu'à la remise à zéro automatique qui suit un moment "
            "sans contact (90 secondes par défaut, puis 10 secondes de compte à rebours). Un groupe qui se sert de la "
            "borne ensemble compte donc pour une seule visite, de même qu'une visite guidée ou un "
            "atelier mené depuis le menu d'animation. Sa durée court jusqu'au dernier contact, sans le temps "
            "d'attente. La durée médiane partage les visites en deux moitiés : "
            "l'une plus courte, l'autre plus longue.\n"
            "Un « QR code montré » est un code affiché pour poursuivre la lecture sur son propre téléphone : la borne "
            "étant hors ligne, elle ne peut pas savoir s'il a été scanné."),
        "visits_heading": "Visites par jour", "visits_empty": "Aucune visite pendant cette période.",
        "visits_caption": "Jour le plus fréquenté : {day} ({visits}). Moyenne par jour d'utilisation : {mean}.",
        "visits_n": ("{n} visite", "{n} visites"),
        "wrong_clock_n": ("Dont {n} visite enregistrée alors que l'horloge de la borne était fausse (avant 2025, par "
                          "exemple après une coupure sans réseau) : sa date n'est pas fiable.",
                          "Dont {n} visites enregistrées alors que l'horloge de la borne était fausse (avant 2025, par "
                          "exemple après une coupure sans réseau) : leurs dates ne sont pas fiables."),
        "attention_heading": "Les fiches qui ont retenu l'attention",
        "attention_empty": "Aucune fiche ouverte pendant cette période.",
        "attention_all": "Temps total passé sur chaque fiche ouverte, en minutes.",
        "attention_top": "Temps total passé sur chaque fiche, en minutes : les {n} fiches les plus regardées.",
        "languages_heading": "Langues", "languages_empty": "Aucune langue choisie pendant cette période.",
        "languages_caption": "Langue choisie en début de visite, sur {visits} : {listing}. Changements de langue "
                             "en cours de visite : {switches}.",
        "languages_none": "aucune langue choisie",
        "access_caption": "Modes d'accès activés : {listing}.",
        "access_in": "{mode} dans {visits}",
        "access_large_text": "texte agrandi", "access_high_contrast": "contraste renforcé",
        "access_reduced_motion": "mouvements réduits", "access_audio": "lecture à voix haute",
        "access_reach": "à portée de main", "access_guide": "guidage audio",
        "access_easy_read": "facile à lire",
        "qr_heading": "QR codes montrés, par lien", "qr_empty": "Aucun QR code montré pendant cette période.",
        "qr_all": "Nombre de fois où le QR code de chaque lien a été affiché.",
        "qr_top": "Nombre de fois où le QR code de chaque lien a été affiché : les {n} liens les plus montrés.",
        "quiz_heading": "Réussite aux questions des quiz", "quiz_empty": "Aucune réponse au quiz pendant cette période.",
        "quiz_caption": "Part des bonnes réponses à chaque question (nombre de réponses entre parenthèses). "
                        "Dans l'ensemble : {share} de bonnes réponses ({answers} au total).",
        "quiz_top": "Seules les {n} questions qui ont reçu le plus de réponses sont montrées.",
        "answers_n": ("{n} réponse", "{n} réponses"),
        "polls_heading": "Sondages", "polls_empty": "Aucun vote pendant cette période.",
        "votes_n": ("{n} vote", "{n} votes"), "option_n": "Réponse {n}",
        "col_option": "Réponse", "col_votes": "Votes", "col_share": "Part",
    },
    "en": {
        "title": "Musée du Kapitalisme — kiosk attendance",
        "subtitle": "Touch kiosk of the travelling exhibition, Mouvement pour l'Économie Solidaire (MES)",
        "author": "Mouvement pour l'Économie Solidaire (MES)",
        "footer": "Musée du Kapitalisme — kiosk attendance",
        "label": "{label}:",
        "period": "Period", "period_range": "{since} to {until}", "period_since": "since {since}",
        "period_until": "until {until}", "period_all": "all recorded data",
        "venue": "Venue", "venues": "Venues", "venue_unset": "not set",
        "made_label": "Made", "made": "on {date} at {time}",
        "figures_heading": "Key figures",
        "nothing": "No visit was recorded on the kiosk in this period.",
        "fig_visits": "Visits", "fig_days": "Days with at least one visit", "fig_median": "Median visit length",
        "fig_opened": "Exhibits opened", "fig_qr": "QR codes shown", "fig_quiz": "Quiz answers",
        "quiz_value": "{n}, {share} right", "fig_polls": "Poll votes",
        "fig_wall": "Ideas sent to the wall of alternatives",
        "method_heading": "Method and privacy",
        "method": (
            "The kiosk counts what happens on its screen by itself, with no network: the start and end of each visit, "
            "the language chosen, the exhibits opened and the time spent on each, the QR codes shown, quiz answers "
            "(right or not), poll votes and the number of ideas sent to the wall of alternatives.\n"
            "Nothing personal is recorded: no name, no picture, no device identifier, no typed text. Each event "
            "carries only its date and time, the venue set by the facilitators and, where it applies, the exhibit "
            "and the language. These figures stay on the kiosk; this report is drawn from them.\n"
            "A “visit” runs from the first touch of the screen to the automatic reset that follows a spell without "
            "any touch (90 seconds by default, then a 10-second countdown). A group using the kiosk together "
            "therefore counts as one visit, and so does a guided tour or workshop run from the facilitator "
            "menu. Its length runs to the last touch, without the waiting time. The median length splits the visits into two halves: one shorter, one "
            "longer.\n"
            "A “QR code shown” is a code displayed so that a visitor can read on with their own phone: the kiosk is "
            "offline, so it cannot know whether the code was scanned."),
        "visits_heading": "Visits per day", "visits_empty": "No visit in this period.",
        "visits_caption": "Busiest day: {day} ({visits}). Average per day of use: {mean}.",
        "visits_n": ("{n} visit", "{n} visits"),
        "wrong_clock_n": ("Of these, {n} visit was recorded while the kiosk's clock was wrong (before 2025, for "
                          "example after a power cut with no network): its date cannot be trusted.",
                          "Of these, {n} visits were recorded while the kiosk's clock was wrong (before 2025, for "
                          "example after a power cut with no network): their dates cannot be trusted."),
        "attention_heading": "Exhibits by attention",
        "attention_empty": "No exhibit opened in this period.",
        "attention_all": "Total time spent on each exhibit opened, in minutes.",
        "attention_top": "Total time spent on each exhibit, in minutes: the {n} most watched exhibits.",
        "languages_heading": "Languages", "languages_empty": "No language chosen in this period.",
        "languages_caption": "Language chosen at the start of a visit, out of {visits}: {listing}. Language switches "
                             "during visits: {switches}.",
        "languages_none": "no language chosen",
        "access_caption": "Access modes turned on: {listing}.",
        "access_in": "{mode} in {visits}",
        "access_large_text": "larger text", "access_high_contrast": "high contrast",
        "access_reduced_motion": "less motion", "access_audio": "read aloud",
        "access_reach": "within reach", "access_guide": "audio guidance",
        "access_easy_read": "easy read",
        "qr_heading": "QR codes shown, per link", "qr_empty": "No QR code shown in this period.",
        "qr_all": "How many times the QR code of each link was shown.",
        "qr_top": "How many times the QR code of each link was shown: the {n} links shown most.",
        "quiz_heading": "Quiz success per question", "quiz_empty": "No quiz answered in this period.",
        "quiz_caption": "Share of right answers to each question (number of answers in brackets). "
                        "Overall: {share} right ({answers} in all).",
        "quiz_top": "Only the {n} questions with the most answers are shown.",
        "answers_n": ("{n} answer", "{n} answers"),
        "polls_heading": "Polls", "polls_empty": "No poll vote in this period.",
        "votes_n": ("{n} vote", "{n} votes"), "option_n": "Option {n}",
        "col_option": "Option", "col_votes": "Votes", "col_share": "Share",
    },
}


class Words:
    """The report's texts, numbers and dates in one language."""

    def __init__(self, lang: str):
        self.lang, self.locale = lang, LOCALES[lang]

    def __call__(self, key: str, **values) -> str:
        return TEXTS[self.lang][key].format(**values)

    def plural(self, key: str, count: int) -> str:
        """``"12 visites"``: the form the language's plural rule (CLDR, through Babel) asks for: 0 and 1 in French
        take the singular, 1 only in English."""
        one, many = TEXTS[self.lang][key]
        single = Locale.parse(self.locale).plural_form(count) == "one"
        return (one if single else many).format(n=self.number(count))

    def keys(self) -> set[str]:
        return set(TEXTS[self.lang])

    def number(self, value: float, pattern: str = "#,##0") -> str:
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, share: float) -> str:
        return format_percent(share, locale=self.locale)

    def day(self, day: date) -> str:
        text = format_date(day, "long", locale=self.locale)
        return "1er" + text[1:] if self.lang == "fr" and day.day == 1 else text

    def month(self, day: date, with_year: bool) -> str:
        return format_date(day, "LLL y" if with_year else "LLL", locale=self.locale)

    def duration(self, seconds: float) -> str:
        """``"4 min 05 s"``, ``"1 h 02 min"`` or ``"42 s"``."""
        hours, rest = divmod(round(seconds), 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours} h {minutes:02d} min"
        return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"

    def minutes(self, seconds: float) -> str:
        minutes = seconds / 60
        return f"{self.number(minutes, '#,##0.0' if minutes < 10 else '#,##0')} min"

    def language(self, code: str) -> str:
        """The language's name in the report's language ("anglais"), or its code when Babel has none."""
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.locale) or code
        except (ValueError, UnknownLocaleError):
            return code or "?"

"""The roleplay type's checks, fed real folders: the template is valid, each mistake is named with its line
and its fix; a game's end is counted, anonymously, in the statistics."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from kiosk.content.loader import load_content
from kiosk.content.scaffold import new_exhibit
from kiosk.content.schema_export import exhibit_schema
from kiosk.events import EventBus, RoleplayPlayed
from kiosk.exhibit_types import load_registry
from kiosk.exhibit_types.roleplay import model
from kiosk.exhibit_types.roleplay.engine import Game
from kiosk.stats.model import Event, ModeResults, RoleplayResults
from kiosk.stats.query import summarize
from kiosk.stats.store import insert_events, open_stats
from kiosk.stats.text import format_summary
from kiosk.visit.subscribers import connect_visit
from kiosk.visit.visit_stats import VisitStats
from tests.conftest import line_of, load_written

TEMPLATE = Path(model.__file__).with_name("template.yaml")


@pytest.fixture
def registry():
    return load_registry(plugins=False)


@pytest.fixture
def folder(root):
    target = root("base") / "jeu-cafe"
    target.mkdir()
    return target


def load(folder, registry, text):
    return load_written(folder, text, registry)


def errors(result):
    return [f for f in result.findings if f.severity == "error"]


def test_the_template_is_a_valid_game_and_feeds_the_engine(folder, registry):
    result = load(folder, registry, TEMPLATE.read_text())
    assert result.valid, [f.format() for f in result.findings]
    game = result.manifest.details
    assert (game.min_players, game.max_players, game.discussion) == (3, 4, 120)
    assert [role.id for role in game.roles_for(3)] == ["mayor", "owner", "student"]
    assert game.roles[0].secret.get("en").startswith("The council")
    assert [d.mode for d in game.decisions] == ["choose", "election", "consent"]
    assert game.decisions[1].person and game.decisions[1].proposals == ()
    assert game.event_text("grant").get("fr") == "La région accorde une petite subvention."
    scenario = game.scenario(4)
    assert scenario.players == 4 and scenario.decisions[0].proposals == ("cooperative", "association")
    assert scenario.decisions[0].effects[0] == {"participation": 1, "trust": 1}
    assert scenario.events[0].probability == 0.15
    with pytest.raises(ValueError):
        game.scenario(5)
    assert model.estimated_seconds({"situation": game.situation, "discussion": 120,
                                    "roles": [vars(r) for r in game.roles],
                                    "decisions": [{"question": d.question, "proposals": [vars(p) for p in d.proposals]}
                                                  for d in game.decisions]}, "fr") < model.MAX_GAME_SECONDS


def test_kiosk_new_scaffolds_a_roleplay_that_validates(root, registry):
    base = root("base")
    made = new_exhibit(base, "alternatives-jeu-de-roles", "roleplay", "alternatives", registry)
    result = next(r for r in load_content(base, registry).results if r.id == made.name)
    assert result.valid and not errors(result), [f.format() for f in result.findings]
    assert "room: alternatives" in (made / "exhibit.yaml").read_text()


# (what to replace, with what, the text on the line the error must name, a line it comes after, the message)
PLAYERS = "players: {min: 3, max: 4}"
MISTAKES = [
    ("    mode: consent\n", "    mode: vote\n", "mode: vote", "", "'vote' is not a valid decisions[3].mode"),
    ("effects: {health: -1}", "effects: {sante: -1}", "effects: {sante", "", "'sante' is not an indicator"),
    ("effects: {health: 2}", "effects: {health: 4}", "effects: {health: 4}", "",
     "health moves by 4; an effect is between -3 and +3"),
    ("probability: 0.15", "probability: 1.5", "probability: 1.5", "", "it must be between 0 and 1"),
    ("  - id: owner\n", "  - id: mayor\n", "- id: mayor", "id: mayor", "two roles have the id 'mayor'"),
    ("      - id: spring\n", "      - id: summer\n", "- id: summer", "id: summer",
     "two proposals of decision 'opening' have the id 'summer'"),
    ("  - id: opening\n", "  - id: form\n", "- id: form", "id: form", "two decisions have the id 'form'"),
    (PLAYERS, "players: {min: 3, max: 5}", "players:", "", "players.max is 5, but there are only 4 roles"),
    (PLAYERS, "players: {min: 4, max: 3}", "players:", "", "players.min (4) is more than players.max (3)"),
    (PLAYERS, "players: {min: 1, max: 4}", "players:", "", "players.min is 1; it must be between 2 and 6"),
    ("    person: true ", "    person: true\n    proposals: [{id: me, text: {fr: Moi, en: Me}}]\n    #",
     "proposals: [{id: me", "", "a decision with 'person: true' chooses among the players; it has no proposals"),
    ("    person: true ", "    person: yes please ", "person: yes please", "",
     "'decisions[2].person' should be true or false"),
]


@pytest.mark.parametrize("old, new, needle, after, message", MISTAKES, ids=[m[4][:40] for m in MISTAKES])
def test_a_mistake_is_named_with_its_file_line_and_fix(folder, registry, old, new, needle, after, message):
    text = TEMPLATE.read_text()
    assert old in text
    text = text.replace(old, new, 1)
    result = load(folder, registry, text)
    assert not result.valid
    error = next((f for f in errors(result) if message in f.message), None)
    assert error is not None, [f.format() for f in errors(result)]
    assert error.file == folder / "exhibit.yaml"
    assert error.line == line_of(text, needle, after), error.format()
    assert error.hint or "it must be between" in error.message, error.format()   # the message names the fix


def test_a_decision_with_one_proposal_asks_for_another_or_for_a_person(folder, registry):
    text = TEMPLATE.read_text()
    second = text[text.index("      - id: association"):text.index("  - id: treasurer")]
    text = text.replace(second, "")
    result = load(folder, registry, text)
    error = next(f for f in errors(result) if "decision 'form' has 1 proposal(s); it needs 2 to 4" in f.message)
    assert error.line == line_of(text, "proposals:") and "person: true" in error.hint


def test_a_role_without_its_default_language_text_is_refused(folder, registry):
    text = TEMPLATE.read_text().replace("      fr: L'étudiante\n", "", 1)
    result = load(folder, registry, text)
    error = next(f for f in errors(result) if "'roles[3].name' has no 'fr' text" in f.message)
    assert error.line == line_of(text, "en: The student") and "fr: …" in error.hint


def test_a_proposal_without_its_default_language_text_is_refused(folder, registry):
    text = TEMPLATE.read_text().replace("          fr: Une association de bénévoles.\n", "", 1)
    result = load(folder, registry, text)
    assert any("'decisions[1].proposals[2].text' has no 'fr' text" in f.message for f in errors(result)), \
        [f.format() for f in result.findings]


def _role(number: int) -> str:
    return (f"  - id: role-{number}\n    name: {{fr: Rôle {number}, en: Role {number}}}\n"
            f"    public: {{fr: Public., en: Public.}}\n    secret: {{fr: Secret., en: Secret.}}\n")


def test_too_few_and_too_many_roles(folder, registry):
    text = TEMPLATE.read_text()
    roles = text[text.index("  - id: mayor"):text.index("discussion:")]
    few = text.replace(roles, _role(1) + _role(2) + "\n").replace(PLAYERS, "players: {min: 2, max: 2}")
    result = load(folder, registry, few)
    error = next(f for f in errors(result) if "the scenario has 2 role(s); it needs 3 to 6" in f.message)
    assert error.line == line_of(few, "roles:") and error.hint == "add roles"
    many = text.replace(roles, "".join(_role(n) for n in range(1, 8)) + "\n")
    result = load(folder, registry, many)
    assert any("the scenario has 7 role(s); it needs 3 to 6" in f.message for f in errors(result))


def _decision(number: int) -> str:
    return (f"  - id: extra-{number}\n    question: {{fr: Question {number} ?, en: Question {number}?}}\n"
            f"    mode: lots\n    person: true\n")


def test_more_than_five_decisions_are_refused(folder, registry):
    text = TEMPLATE.read_text()
    text = text.replace("\nrandom_events:", "".join(_decision(n) for n in range(1, 4)) + "\nrandom_events:")
    result = load(folder, registry, text)
    error = next(f for f in errors(result) if "the scenario has 6 decisions; at most 5" in f.message)
    assert error.line == line_of(text, "decisions:") and "15 minutes" in error.hint


def test_a_game_longer_than_fifteen_minutes_is_a_warning(folder, registry):
    text = TEMPLATE.read_text().replace("discussion: 120 ", "discussion: 300 ")
    result = load(folder, registry, text)
    assert result.valid
    warning = next(f for f in result.findings if "a game would last about" in f.message)
    assert warning.severity == "warning" and warning.line == line_of(text, "decisions:")
    assert "lower 'discussion'" in warning.hint


def test_events_whose_chances_add_up_past_one_are_refused(folder, registry):
    text = TEMPLATE.read_text()
    grant = text[text.index("  - id: grant"):text.index("\ndebrief:")]
    text = text.replace(grant, grant + grant.replace("id: grant", "id: storm").replace("0.15", "0.9"))
    result = load(folder, registry, text)
    error = next(f for f in errors(result) if "add up to 1.05, more than 1" in f.message)
    assert error.line == line_of(text, "random_events:")


def test_a_games_end_is_recorded_and_summed_without_personal_data(folder, registry, tmp_path):
    game = load(folder, registry, TEMPLATE.read_text()).manifest.details
    recorded = []
    stats = VisitStats(recorded.append, venue=lambda: "lille", clock=lambda: 1_780_000_000)
    bus = EventBus()
    connect_visit(bus, stats, session=type("Session", (), {"seen": set(), "exhibit_id": None})())
    stats.visit_started()
    for players, plays in ((3, [dict(mode="majority", votes=[0, 0, 1]), dict(votes=[1, 1, None]),
                                dict(proposal=1, objections=[2])]),
                           (4, [dict(mode="consensus", proposal=0), dict(votes=[0, 1, 2, 3]),
                                dict(proposal=0)])):
        played = Game(game.scenario(players), seed=3)
        for play in plays:
            played.decide(spoke=set(range(players)), **play)
        event = model.game_played(folder.name, played)
        assert isinstance(event, RoleplayPlayed) and event.decisions == 3
        bus.emit(event)
    ends = [e for e in recorded if e.kind == "roleplay_end"]
    assert [(e.exhibit, e.value, e.detail) for e in ends] == [
        ("jeu-cafe", 3, "3 majority:1/0 election:1/0 consent:0/1"),
        ("jeu-cafe", 3, "4 consensus:1/0 election:0/1 consent:1/0")]
    db = open_stats(tmp_path / "stats.db")
    insert_events(db, recorded)
    db.close()
    summary = summarize(tmp_path / "stats.db")
    assert summary.roleplays == [RoleplayResults("jeu-cafe", 2, 6, {
        "consensus": ModeResults(1, 0), "consent": ModeResults(1, 1), "election": ModeResults(1, 1),
        "majority": ModeResults(1, 0)})]
    assert summary.games == []    # the commons' games are counted apart
    printed = format_summary(summary)
    assert "Role-plays played to their end" in printed
    assert "jeu-cafe  2 games, 3.0 decisions on average  (consensus: 1 adopted, 0 left open," in printed


def test_the_editors_schema_holds_each_types_own_shape_of_a_shared_field(registry):
    schema = exhibit_schema(registry)
    template = yaml.safe_load(TEMPLATE.read_text().replace("__ROOM__", "alternatives"))
    jsonschema.validate(template, schema)
    commons = yaml.safe_load(Path(model.__file__).parent.parent.joinpath("commons", "template.yaml").read_text()
                             .replace("__ROOM__", "alternatives"))
    jsonschema.validate(commons, schema)
    with pytest.raises(jsonschema.ValidationError):   # a commons' list of players in a role-play
        jsonschema.validate({**template, "players": commons["players"]}, schema)
    with pytest.raises(jsonschema.ValidationError, match="sante"):
        jsonschema.validate({**template, "random_events": [{**template["random_events"][0], "effects": {"sante": 1}}]},
                            schema)


def test_a_role_play_end_with_an_unreadable_detail_still_counts_as_a_game(tmp_path):
    db = open_stats(tmp_path / "stats.db")
    insert_events(db, [Event("roleplay_end", 1_780_000_000, "lille", 1, "jeu", "fr", 2, "3 majority:1/1 lots:x/1"),
                       Event("roleplay_end", 1_780_000_100, "lille", 2, "jeu", "ar", 0, "")])
    db.close()
    assert summarize(tmp_path / "stats.db").roleplays == [RoleplayResults("jeu", 2, 2, {"majority": ModeResults(1, 1)})]

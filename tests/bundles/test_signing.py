"""Signed bundles, as a curator and a kiosk's installer use them: keygen, bundle --sign, trust, install-bundle.

Once a kiosk trusts a key, an unsigned bundle, one signed by another key and one changed after signing are
each refused with the reason and what to do, and the live content stays byte for byte as it was."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile

import pytest

from kiosk.bundles.manifest import MANIFEST
from kiosk.bundles.signing import SIGNATURE, PublicKey
from kiosk.cli import main
from kiosk.facilitator.settings import KioskSettings
from tests.bundles.conftest import make_site, rewrite_zip, snapshot

NEW_TEXT = "## Texte signé\n\nLe texte du printemps, signé.\n"


@pytest.fixture
def kiosk_data(tmp_path, monkeypatch):
    """This kiosk's own settings (its trusted keys), apart from the other tests'."""
    folder = tmp_path / "kiosk-data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def curator(tmp_path, capsys):
    """A curator's key pair, made with 'kiosk keygen'."""
    key = tmp_path / "curator" / "mes-expo.key"
    key.parent.mkdir()
    assert main(["keygen", str(key)]) == 0
    out = capsys.readouterr().out
    return key, key.with_name("mes-expo.key.pub"), out


def signed(content, out, key, capsys, text: str = NEW_TEXT):
    (content / "panel-ok" / "body.fr.md").write_text(text, encoding="utf-8")
    assert main(["bundle", str(content), "-o", str(out), "--sign", str(key), "--version", "signée"]) == 0
    assert "signed with key" in capsys.readouterr().out
    return out


def install(bundle, live, capsys) -> tuple[int, str]:
    code = main(["install-bundle", str(bundle), "--target", str(live)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def refused(bundle, live, capsys, *expected: str) -> None:
    before = snapshot(live.parent)
    code, said = install(bundle, live, capsys)
    assert code == 1, said
    for text in expected:
        assert text in said
    assert snapshot(live.parent) == before, "the live content and the version store are untouched"


def test_keygen_writes_a_private_key_for_its_owner_only_and_never_overwrites_it(curator, capsys):
    key, public, out = curator
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    text = public.read_text(encoding="utf-8")
    parsed = PublicKey.parse(text)
    assert parsed.fingerprint in out and parsed.fingerprint in text and f"kiosk trust {public.name}" in out
    assert "PRIVATE KEY" not in text and "PRIVATE KEY" in key.read_text(encoding="ascii")
    before = key.read_bytes()
    assert main(["keygen", str(key)]) == 1
    assert "a key is already there" in capsys.readouterr().err
    assert key.read_bytes() == before


def test_a_trusting_kiosk_installs_what_its_key_signed_and_refuses_the_rest(content, curator, kiosk_data, tmp_path,
                                                                          capsys):
    key, public, _ = curator
    live = make_site(tmp_path / "site") / "exhibits"
    bundle = signed(content, tmp_path / "expo.zip", key, capsys)
    fingerprint = PublicKey.parse(public.read_text()).fingerprint

    # unsigned: once a key is trusted, refused
    assert main(["bundle", str(content), "-o", str(tmp_path / "plain.zip")]) == 0
    assert main(["trust", str(public)]) == 0
    assert fingerprint in capsys.readouterr().out
    assert KioskSettings.load(kiosk_data).trusted_keys == [PublicKey.parse(public.read_text()).text]
    refused(tmp_path / "plain.zip", live, capsys, "this bundle is not signed", fingerprint, "--sign")

    # signed by someone else's key
    other = tmp_path / "other.key"
    assert main(["keygen", str(other)]) == 0
    capsys.readouterr()
    stranger = signed(content, tmp_path / "stranger.zip", other, capsys)
    refused(stranger, live, capsys, "which this kiosk does not trust", fingerprint)

    # bundle.json changed after signing (its files' hashes changed to match new bytes): the signature no longer holds
    changed = NEW_TEXT.replace("signé", "changé").encode()
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    manifest["files"]["panel-ok/body.fr.md"] = {"sha256": hashlib.sha256(changed).hexdigest(),
                                               "size": len(changed)}
    tampered = rewrite_zip(bundle, tmp_path / "tampered.zip", replace={"panel-ok/body.fr.md": changed},
                           manifest=lambda _data: manifest)
    refused(tampered, live, capsys, "changed after it was signed")

    # a signature that is not one
    broken = rewrite_zip(bundle, tmp_path / "broken.zip", replace={SIGNATURE: b"{not json"})
    refused(broken, live, capsys, f"its {SIGNATURE} cannot be read")

    # the curator's own bundle goes live, and the live content says who signed it
    code, said = install(bundle, live, capsys)
    assert code == 0, said
    assert (live / "panel-ok" / "body.fr.md").read_text(encoding="utf-8") == NEW_TEXT
    assert json.loads((live / SIGNATURE).read_text())["key"] == PublicKey.parse(public.read_text()).text


def test_a_kiosk_that_trusts_no_key_installs_whole_bundles_but_never_a_tampered_signed_one(content, curator,
                                                                                         kiosk_data, tmp_path, capsys):
    key, _public, _ = curator
    live = make_site(tmp_path / "site") / "exhibits"
    bundle = signed(content, tmp_path / "expo.zip", key, capsys)
    tampered = rewrite_zip(bundle, tmp_path / "tampered.zip",
                           manifest=lambda data: {**data, "version": "falsifiée"})
    refused(tampered, live, capsys, "changed after it was signed")
    assert main(["bundle", str(content), "-o", str(tmp_path / "plain.zip")]) == 0
    code, said = install(tmp_path / "plain.zip", live, capsys)
    assert code == 0, said


def test_trust_lists_and_removes_keys_and_refuses_what_is_not_a_key(curator, kiosk_data, tmp_path, capsys):
    key, public, _ = curator
    assert main(["trust"]) == 0
    assert "trusts no signing key" in capsys.readouterr().out
    assert main(["trust", str(key)]) == 1       # the private key given by mistake
    assert "is not a kiosk signing key" in capsys.readouterr().err
    text = public.read_text().splitlines()[-1]
    assert main(["trust", text]) == 0 and main(["trust", str(public)]) == 0   # the same key twice: once
    capsys.readouterr()
    assert main(["trust"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    fingerprint = PublicKey.parse(text).fingerprint
    assert listed == [f"{fingerprint}  {text}"]
    assert main(["trust", "--remove", "0000"]) == 1
    assert main(["trust", "--remove", fingerprint.replace(" ", "").lower()]) == 0
    assert "installs unsigned bundles again" in capsys.readouterr().out
    assert KioskSettings.load(kiosk_data).trusted_keys == []


def test_a_broken_key_in_the_settings_is_set_aside_with_a_warning(kiosk_data, caplog):
    kiosk_data.mkdir()
    (kiosk_data / "settings.json").write_text(json.dumps({"trusted_keys": ["ed25519:short"], "mode": "guided"}))
    settings = KioskSettings.load(kiosk_data)
    assert settings.trusted_keys == [] and settings.mode == "guided"
    assert "is not a kiosk signing key" in caplog.text


def test_signing_with_the_public_key_says_which_file_to_give(content, curator, tmp_path, capsys):
    _key, public, _ = curator
    assert main(["bundle", str(content), "-o", str(tmp_path / "x.zip"), "--sign", str(public)]) == 1
    assert "sign with the file without .pub" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()

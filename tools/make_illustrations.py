"""Draw the illustrations of the bundled "Musée du Kapitalisme" exhibition.

Every image of the exhibits (see the IMAGES table) is drawn with Pillow in one
flat, poster-like style: cream paper, thick ink outlines, each picture dominated
by its room colour. A picture has no frame of its own (the kiosk's cards and panels
draw theirs): its backgrounds bleed off the edges, and its subject keeps clear of the
outer 8 % of the width, so a card that crops it to a squarer box does not cut it
(illustrations/canvas.py). The drawing code is in the illustrations/ package next to
this script: a small kit (palette, geometry, canvas), shared pictograms, and one
module per theme of pictures.

The images are original work made for the project and are released under
CC BY-SA 4.0 (credit: "Illustration: Musée du Kapitalisme kiosk, CC BY-SA 4.0").

Usage, from the repository root:
    python tools/make_illustrations.py [--out-root exhibits] [--only FILE.png ...]
The output is deterministic: the same bytes on every run.
"""
import argparse
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

from illustrations import (alternatives_commons, alternatives_money, alternatives_solidarity,  # noqa: E402
                           hopes, limits, origins, quizzes, roleplays)
from illustrations.canvas import Canvas  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

IMAGES = {
    ("origines-enclosures", "enclosures.png"): origins.img_enclosures,
    ("origines-revolution-industrielle", "industrie.png"): origins.img_industrie,
    ("origines-trois-economies", "marche.png"): origins.img_marche,
    ("origines-trois-economies", "reciprocite.png"): origins.img_reciprocite,
    ("origines-quiz", "quiz-origines.png"): quizzes.img_quiz_origines,
    ("espoirs-associationnisme", "associationnisme.png"): hopes.img_associationnisme,
    ("espoirs-securite-sociale", "securite-sociale.png"): hopes.img_securite_sociale,
    ("espoirs-creches-parentales", "creches.png"): hopes.img_creches,
    ("espoirs-regies-de-quartier", "regies.png"): hopes.img_regies,
    ("espoirs-assemblee-regie", "assemblee.png"): roleplays.img_assemblee,
    ("espoirs-quiz", "quiz-espoirs.png"): quizzes.img_quiz_espoirs,
    ("limites-frontieres-planetaires", "frontieres.png"): limits.img_frontieres,
    ("limites-en-images", "economie-lineaire.png"): limits.img_economie_lineaire,
    ("limites-en-images", "croissance-exponentielle.png"): limits.img_croissance,
    ("limites-en-images", "couts-caches.png"): limits.img_couts_caches,
    ("limites-pib-bien-etre", "pib.png"): limits.img_pib,
    ("limites-pib-bien-etre", "bien-etre.png"): limits.img_bien_etre,
    ("limites-quiz", "quiz-limites.png"): quizzes.img_quiz_limites,
    ("alternatives-amap", "amap.png"): alternatives_solidarity.img_amap,
    ("alternatives-monnaies-locales", "monnaie-circuit.png"): alternatives_money.img_monnaie_circuit,
    ("alternatives-monnaies-locales", "monnaie-billet.png"): alternatives_money.img_monnaie_billet,
    ("alternatives-monnaies-locales", "monnaie-euro.png"): alternatives_money.img_monnaie_euro,
    ("alternatives-finance-solidaire", "epargne-classique.png"): lambda cv: alternatives_money.img_epargne(cv, False),
    ("alternatives-finance-solidaire", "epargne-solidaire.png"): lambda cv: alternatives_money.img_epargne(cv, True),
    ("alternatives-habitat-participatif", "habitat.png"): alternatives_solidarity.img_habitat,
    ("alternatives-plateformes-cooperatives", "plateformes.png"): alternatives_solidarity.img_plateformes,
    ("alternatives-economie-solidaire", "ess.png"): alternatives_solidarity.img_ess,
    ("alternatives-quiz", "quiz-alternatives.png"): quizzes.img_quiz_alternatives,
    ("alternatives-sondage", "sondage.png"): alternatives_solidarity.img_sondage,
    ("alternatives-mur", "mur.png"): alternatives_solidarity.img_mur,
    ("alternatives-vallee-partagee", "vallee.png"): alternatives_commons.img_vallee,
    ("alternatives-epicerie-cooperative", "epicerie.png"): roleplays.img_epicerie,
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out-root", default="exhibits",
                    help="folder holding the exhibit folders; a relative path is taken from the repository root")
    ap.add_argument("--only", nargs="*", metavar="FILE", help="draw only these images (e.g. amap.png)")
    args = ap.parse_args(argv)
    root = Path(args.out_root)
    root = root if root.is_absolute() else REPO / root
    start = time.perf_counter()
    for (exhibit, name), draw in IMAGES.items():
        if args.only and name not in args.only:
            continue
        cv = Canvas(exhibit.split("-")[0])
        draw(cv)
        out = root / exhibit / name
        cv.save(out)
        print(f"{exhibit}/{name}  {out.stat().st_size / 1024:.0f} KB")
    print(f"done in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()

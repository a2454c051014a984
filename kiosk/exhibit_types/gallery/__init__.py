"""The ``gallery`` exhibit type: pictures to swipe through (fields in ``model.py``)."""

from pathlib import Path

from kiosk.exhibit_types import ExhibitType
from kiosk.exhibit_types.gallery import model


def register(registry):
    registry.add(ExhibitType(name="gallery", fields=model.FIELDS, build=model.build, min_images=model.MIN_IMAGES,
                             description="pictures to swipe through, with captions",
                             template=Path(__file__).with_name("template.yaml"),
                             view="kiosk.exhibit_types.gallery.view:GalleryView"))

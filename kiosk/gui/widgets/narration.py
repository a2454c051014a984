"""An exhibit read aloud: the kiosk's one player, and the bar that drives it (play/pause, from the start, volume).

::

    player = NarrationPlayer()
    player.load(reading, "fr")  # a kiosk.content.audio.Narration; stops what was playing
    player.toggle()             # play, pause, play on from where it paused
    player.replay()             # from the start
    player.stop()               # the visitor does something else: another exhibit, a language, the idle reset
    player.reset_volume()       # the next visitor hears the default volume

The sound goes through Kivy's ffpyplayer provider (FFmpeg): it pauses and seeks, which the SDL
provider in Kivy's wheel cannot (KIVY_NOTES; kiosk.gui.kivy_config chooses it). Kivy's Sound has
no pause, so the player pauses FFmpeg's own MediaPlayer (``Sound._ffplayer``), the one place that
knows it. The position and the caption follow the sound four times a second while it plays, and
nothing ticks otherwise. A reading that cannot be played (no audio device) says so in the log
and leaves the bar in its stopped state: the exhibit works without it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kivy.clock import Clock
from kivy.event import EventDispatcher
from kivy.lang import Builder
from kivy.properties import BooleanProperty, NumericProperty, ObjectProperty, OptionProperty, StringProperty

from kivy.uix.boxlayout import BoxLayout

log = logging.getLogger(__name__)
Builder.load_file(str(Path(__file__).with_name("narration.kv")))

DEFAULT_VOLUME = 0.8
VOLUME_STEP = 0.2
TICK = 0.25            # seconds between two looks at the sound while it plays
END_MARGIN = 0.15      # a sound this close to its end has ended (FFmpeg's end event comes late or not at all)


class NarrationPlayer(EventDispatcher):
    state = OptionProperty("stopped", options=("stopped", "playing", "paused"))
    position = NumericProperty(0)     # seconds read so far
    length = NumericProperty(0)
    caption = StringProperty("")      # the sentence being read
    volume = NumericProperty(DEFAULT_VOLUME)
    reading = ObjectProperty(None, allownone=True)
    language = StringProperty("")     # the reading's language (a fallback's, when the visitor's has none)
    __events__ = ("on_started",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._sound = None
        self._ticking = None

    # --- what the visitor does ----------------------------------------------------------------------
    def load(self, reading, language: str = "") -> None:
        if reading is not self.reading:
            self.stop()
            self.reading, self.language = reading, language
            self.position, self.caption = 0, ""
            self.length = reading.captions[-1].end if reading is not None and reading.captions else 0

    def toggle(self) -> None:
        if self.state == "playing":
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        if self.reading is None:
            return
        if self.state == "paused" and self._sound is not None:
            self._player_pause(False)
            self.state = "playing"
            self._start_ticking()
            return
        sound = self._load_sound()
        if sound is None:
            return
        sound.volume = self.volume
        sound.play()
        self.state, self.position = "playing", 0
        self.caption = self.reading.caption_at(0)
        self._start_ticking()
        self.dispatch("on_started")

    def pause(self) -> None:
        if self.state == "playing" and self._sound is not None:
            self._player_pause(True)
            self.state = "paused"
            self._stop_ticking()

    def replay(self) -> None:
        self.stop()
        self.play()

    def stop(self) -> None:
        self._stop_ticking()
        if self._sound is not None:
            try:
                self._sound.stop()
                self._sound.unload()
            except Exception:   # a player already gone: nothing to stop
                log.debug("narration: the sound could not be stopped cleanly", exc_info=True)
            self._sound = None
        self.state, self.position, self.caption = "stopped", 0, ""

    def louder(self) -> None:
        self._set_volume(self.volume + VOLUME_STEP)

    def quieter(self) -> None:
        self._set_volume(self.volume - VOLUME_STEP)

    def reset_volume(self) -> None:
        self._set_volume(DEFAULT_VOLUME)

    def on_started(self) -> None:
        """A reading began (the statistics count it)."""

    # --- the sound ----------------------------------------------------------------------------------
    def _set_volume(self, volume: float) -> None:
        self.volume = round(max(VOLUME_STEP, min(1.0, volume)), 2)
        if self._sound is not None:
            self._sound.volume = self.volume

    def _load_sound(self):
        from kivy.core.audio import SoundLoader

        try:
            sound = SoundLoader.load(str(self.reading.file))
        except Exception:
            sound = None
        if sound is None:
            log.warning("narration: %s could not be played (no audio device, or no player for it)", self.reading.file)
            return None
        self._sound = sound
        if not self.length:
            self.length = sound.length or 0
        return sound

    def _player_pause(self, paused: bool) -> None:
        player = getattr(self._sound, "_ffplayer", None)
        if player is not None:
            player.set_pause(paused)

    def _start_ticking(self) -> None:
        if self._ticking is None:
            self._ticking = Clock.schedule_interval(self._tick, TICK)

    def _stop_ticking(self) -> None:
        if self._ticking is not None:
            self._ticking.cancel()
            self._ticking = None

    def _tick(self, _dt) -> None:
        sound = self._sound
        if sound is None:
            return
        position = sound.get_pos() or 0
        self.position = max(self.position, position)   # FFmpeg's clock may step back a little: the bar never does
        self.caption = self.reading.caption_at(self.position)
        if (self.length and self.position >= self.length - END_MARGIN) or sound.state == "stop":
            self.stop()   # the end: the bar offers to listen again


class NarrationBar(BoxLayout):
    """The player's controls under the exhibit's title, with the sentence being read (narration.kv)."""

    player = ObjectProperty(None, rebind=True)   # kv follows player.state, player.position…
    available = BooleanProperty(False)   # the exhibit has a reading in the visitor's language or a fallback
    synthetic = BooleanProperty(False)
    foreign = StringProperty("")   # "Read in French" when the reading is not in the visitor's language
    shown = BooleanProperty(False)       # a reading is under way (narration.kv)

    def on_touch_down(self, touch):
        # folded to nothing, its buttons still stand where they were laid out (over the title bar): they let
        # every touch through rather than swallow it, as disabled widgets do
        return super().on_touch_down(touch) if self.shown else False

    def on_touch_up(self, touch):
        return super().on_touch_up(touch) if self.shown else False

    @staticmethod
    def clock(seconds: float) -> str:
        seconds = max(0, int(seconds))
        return f"{seconds // 60}:{seconds % 60:02d}"

"""One visitor's Streamlit session without a browser: the websocket protocol a tab speaks.

A Chromium tab per simulated visitor costs far more CPU than the server it tests, and on a
2-core machine the tabs starve the server. This client does what a tab does on the wire and
nothing else: it downloads the page and the scripts its HTML names (a first visit), opens
the websocket, asks for script runs with the same messages the browser sends (button
triggers, select-slider values, page changes) and reads every message the server sends back.

It finds widgets the way a person does, by their label in the elements the server sent.
A run counts as finished when the server says so (script_finished, FINISHED_SUCCESSFULLY, or
FINISHED_FRAGMENT_RUN_SUCCESSFULLY for a fragment's run);
an exception element shown on the page is recorded as an error.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider
from websockets.asyncio.client import ClientConnection

ASSET = re.compile(r'(?:src|href)="\.?/?(static/[^"]+)"')
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


class SessionError(RuntimeError):
    """The server closed the session, showed an exception, or a widget was missing."""


@dataclass
class Widget:
    kind: str  # "button" or "slider"
    id: str
    options: list[str] = field(default_factory=list)  # a select slider's options, as shown
    value: float = 0  # a select slider's option index, or a number slider's value
    step: float = 1
    low: float = 0
    high: float = 0
    fragment: str = ""  # the fragment it is drawn in: changing it reruns only that fragment


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


class BrowserlessSession:
    """A session on one Streamlit server, driven like a person at a browser tab."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.query = ""
        self.page_name = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # page title -> script hash
        self.widgets: dict[str, Widget] = {}  # label -> widget, from the latest run
        self.texts: list[str] = []  # headings and markdown of the latest run
        self.finished = 0
        self.errors: list[str] = []
        self._moved: dict[str, float] = {}  # slider id -> the value this visitor last chose
        self._fragment_run = False
        self._changed = asyncio.Event()
        self._socket: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None

    async def open(self, page: str = "", query: str = "", assets: bool = True) -> float:
        """Load the page as a first visit would; seconds until its first run has finished."""
        start = time.perf_counter()
        self.page_name, self.query = page, query
        if assets:
            html = (await asyncio.to_thread(fetch, self._url())).decode()
            for path in dict.fromkeys(ASSET.findall(html)):
                await asyncio.to_thread(fetch, f"{self.base_url}/{path}")
        host = urlsplit(self.base_url).netloc
        self._socket = await websockets.connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://{host}",
            max_size=None,
        )
        self._reader = asyncio.create_task(self._read())
        await self._run(BackMsg())
        return time.perf_counter() - start

    async def click(self, label: str) -> float:
        """Press the button with this label; seconds until the run it starts has finished."""
        widget = self._widget(label, "button")
        message = BackMsg()
        message.rerun_script.fragment_id = widget.fragment
        state = message.rerun_script.widget_states.widgets.add()
        state.id, state.trigger_value = widget.id, True
        return await self._run(message)

    async def move_slider(self, label: str, steps: int = 1) -> float:
        """Move a slider (number or select) by some steps, as the arrow keys do."""
        widget = self._widget(label, "slider")
        message = BackMsg()
        message.rerun_script.fragment_id = widget.fragment
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget.id
        if widget.options:
            index = min(max(int(widget.value) + steps, 0), len(widget.options) - 1)
            state.string_array_value.data.append(widget.options[index])
            self._moved[widget.id] = index
        else:
            value = min(max(widget.value + steps * widget.step, widget.low), widget.high)
            state.double_array_value.data.append(value)
            self._moved[widget.id] = value
        return await self._run(message)

    async def go_to(self, title: str) -> float:
        """Follow the navigation link with this title."""
        if title not in self.pages:
            raise SessionError(f"no page called {title!r}; pages: {sorted(self.pages)}")
        message = BackMsg()
        message.rerun_script.page_script_hash = self.pages[title]
        return await self._run(message, page_hash=self.pages[title])

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()

    # ------------------------------------------------------------------------------ wire

    def _url(self) -> str:
        path = f"{self.base_url}/{self.page_name}"
        return f"{path}?{self.query}" if self.query else path

    def _widget(self, label: str, kind: str) -> Widget:
        widget = self.widgets.get(label)
        if widget is None or widget.kind != kind:
            raise SessionError(f"no {kind} labelled {label!r} on the page")
        return widget

    async def _run(self, message: BackMsg, page_hash: str | None = None) -> float:
        if self._socket is None or self._reader is None:
            raise SessionError("the session is not open")
        client = message.rerun_script
        client.query_string = self.query
        if page_hash or self.page_hash:  # known once the server has sent its navigation
            client.page_script_hash = page_hash or self.page_hash
        else:
            client.page_name = self.page_name
        client.context_info.url = self._url().split("?")[0]
        client.context_info.timezone = "UTC"
        client.context_info.locale = "en-US"
        already = self.finished
        self._fragment_run = bool(client.fragment_id)  # keeps what is drawn outside it
        start = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        while self.finished <= already:
            if self._reader.done():
                raise SessionError("the server closed the session")
            self._changed.clear()
            await self._changed.wait()
        if self.errors:
            raise SessionError(self.errors[0])
        return time.perf_counter() - start

    async def _read(self) -> None:
        assert self._socket is not None  # started by open() once connected
        try:
            async for payload in self._socket:
                if isinstance(payload, bytes):
                    self._handle(payload)
                self._changed.set()
        finally:
            self._changed.set()

    def _handle(self, payload: bytes) -> None:
        message = ForwardMsg()
        message.ParseFromString(payload)
        kind = message.WhichOneof("type")
        if kind == "new_session" and not self._fragment_run:
            self.widgets, self.texts = {}, []
        elif kind == "navigation":
            pages = message.navigation.app_pages
            self.pages = {p.page_name: p.page_script_hash for p in pages}
            self.page_hash = message.navigation.page_script_hash
            self.page_name = next(
                (p.url_pathname for p in pages if p.page_script_hash == self.page_hash),
                self.page_name,
            )
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "script_finished" and message.script_finished in FINISHED:
            self.finished += 1
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element, message.delta.fragment_id)

    def _element(self, element: Element, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind in ("heading", "markdown"):
            self.texts.append(getattr(element, kind).body)
        elif kind == "exception":
            self.errors.append(f"exception on the page: {element.exception.message[:120]}")
        elif kind == "button":
            self.widgets[element.button.label] = Widget(
                "button", element.button.id, fragment=fragment
            )
        elif kind == "slider":
            widget = slider_widget(element.slider)
            widget.fragment = fragment
            if element.slider.set_value:  # the app set the value: it wins
                self._moved.pop(widget.id, None)
            else:  # the browser remembers what the visitor chose; the element does not
                widget.value = self._moved.get(widget.id, widget.value)
            self.widgets[element.slider.label] = widget


def slider_widget(slider: Slider) -> Widget:
    """A slider's current value from its element (a select slider's as an option index)."""
    values = slider.value if slider.set_value else slider.default
    value = float(values[0]) if values else slider.min
    options = list(slider.options)
    raw = list(slider.raw_value)  # a value set through session state, as the option's text
    if options and raw and raw[0] in options:
        value = options.index(raw[0])
    return Widget("slider", slider.id, options, value, slider.step, slider.min, slider.max)

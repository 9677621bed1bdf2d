"""Every key of the window in one table; the actions, the status hint, the help page and README follow it.

A binding names a command; the widget that owns the command installs the bindings of its section
as QActions (`install`). Article keys are plain letters, so their actions are scoped to the widget
tree they act on (the workspace, a compare tab, the library) and never fire while the user types in
a text field elsewhere. To add a key: add a Binding here and a command of that name where its
section is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

MOVING = "Moving"
ANNOTATING = "Annotating"
SUGGESTING = "Suggestions"
CLAIMS = "Claims"
COMPARING = "Comparing"
LIBRARY = "Library"
LIBRARY_FILTER = "Library filter"
SEARCH = "Search"
EDITING = "Note and source"
PANELS = "Columns, panels and tabs"
WINDOW = "Window"
SECTIONS = (MOVING, ANNOTATING, SUGGESTING, CLAIMS, COMPARING, LIBRARY, LIBRARY_FILTER, SEARCH, EDITING, PANELS,
            WINDOW)
WHERE = {  # where the focus must be for a section's keys to work
    MOVING: "workspace and compare tabs",
    ANNOTATING: "workspace",
    SUGGESTING: "workspace",
    CLAIMS: "workspace",
    COMPARING: "compare tab",
    LIBRARY: "library list",
    LIBRARY_FILTER: "library filter",
    SEARCH: "search panel",
    EDITING: "the note and source dialogs (N, S)",
    PANELS: "anywhere in the window",
    WINDOW: "anywhere in the window",
}


@dataclass(frozen=True)
class Binding:
    """Keys (portable QKeySequence text) for one command; `hint` is its word in the status bar."""

    command: str
    keys: tuple[str, ...]
    text: str
    section: str
    hint: str = ""
    each_key: bool = False  # one action per key, the command called with the key (1–9)


KEYMAP: tuple[Binding, ...] = (
    Binding("next_sentence", ("J", "Down"), "next sentence; the current one is outlined", MOVING, "move"),
    Binding("previous_sentence", ("K", "Up"), "previous sentence", MOVING, "move"),
    Binding("extend_next", ("Shift+J", "Shift+Down"), "extend the selection to the next sentence", MOVING,
            "extend"),
    Binding("extend_previous", ("Shift+K", "Shift+Up"), "extend the selection to the previous sentence",
            MOVING, "extend"),
    Binding("first_sentence", ("Home",), "first sentence", MOVING),
    Binding("last_sentence", ("End",), "last sentence", MOVING),
    Binding("assign", tuple("123456789"), "mark the selection with the category that has that shortcut",
            ANNOTATING, "assign", each_key=True),
    Binding("note", ("N",), "edit the chosen annotation's note", ANNOTATING, "note"),
    Binding("source", ("S",), "edit the chosen annotation's named source", ANNOTATING, "source"),
    Binding("delete", ("Delete", "Backspace"), "remove the chosen annotation", ANNOTATING, "remove"),
    Binding("choose_next", ("Tab",), "choose the next annotation on the selection (the inspector shows which);"
            " N, S and Delete act on it", ANNOTATING, "choose"),
    Binding("choose_previous", ("Shift+Tab",), "choose the previous annotation on the selection", ANNOTATING),
    Binding("accept_suggestion", ("Return", "Enter", "A"),
            "accept the current sentence's suggestion (the most confident): mark it, source filled in",
            SUGGESTING, "accept"),
    Binding("choose_suggestion", ("Shift+A",), "choose which of the sentence's suggestions to accept", SUGGESTING),
    Binding("reject_suggestion", ("X",), "reject the current sentence's suggestion; it is not offered again",
            SUGGESTING, "reject"),
    Binding("accept_all_suggestions", ("Ctrl+Shift+A",), "accept all suggestions in this article (asks first)",
            SUGGESTING),
    Binding("toggle_suggestions", ("Shift+S",), "show or hide suggestions (View ▸ Show suggestions)", SUGGESTING),
    Binding("next_claim_match", ("C",), "go to the next sentence in the other columns that states the same claim",
            CLAIMS),
    Binding("previous_claim_match", ("Shift+C",), "go to the previous sentence stating the same claim", CLAIMS),
    Binding("next_difference", ("N", "F8"), "next difference between the key and the student", COMPARING),
    Binding("previous_difference", ("P", "Shift+F8"), "previous difference", COMPARING),
    Binding("open_article", ("Return", "Enter"), "open the article in the current column (on an outlet: fold or"
            " unfold it)", LIBRARY),
    Binding("open_in_new_column", ("Ctrl+Return", "Ctrl+Enter"), "open the article in a new column (up to four)",
            LIBRARY),
    Binding("fold_outlet", ("Left",), "fold the outlet's articles away (from an article: its outlet)", LIBRARY),
    Binding("unfold_outlet", ("Right",), "unfold the outlet's articles", LIBRARY),
    Binding("delete_articles", ("Delete",), "delete the chosen articles (asks first, counting their annotations;"
            " undoable)", LIBRARY),
    Binding("filter_to_list", ("Down", "Return", "Enter"), "go on to the list, at its first article unless one"
            " is chosen", LIBRARY_FILTER),
    Binding("close_search", ("Escape",), "close the search panel (back to the article)", SEARCH),
    Binding("save_text", ("Ctrl+Return", "Ctrl+Enter"), "save the note or source and close the dialog", EDITING),
    Binding("cancel_text", ("Escape",), "close the dialog without saving", EDITING),
    Binding("focus_library", ("Ctrl+L",), "go to the library list (shows it if hidden)", PANELS),
    Binding("focus_column", ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"), "go to the workspace's first, second, third"
            " or fourth column", PANELS, each_key=True),
    Binding("close_column", ("Ctrl+W",), "close the current column (in a compare or scores tab: the tab)", PANELS),
    Binding("next_tab", ("Ctrl+Tab",), "next tab (Workspace, Dashboard, Story, compare tabs)", PANELS),
    Binding("previous_tab", ("Ctrl+Shift+Tab",), "previous tab", PANELS),
    Binding("context_menu", ("Menu", "Shift+F10"), "open the current row's menu (library, Story grid)", PANELS),
    Binding("new_project", ("Ctrl+N",), "make a new project", WINDOW),
    Binding("open_project", ("Ctrl+O",), "open a project", WINDOW),
    Binding("quit", ("Ctrl+Q",), "quit (everything is already saved)", WINDOW),
    Binding("undo", ("Ctrl+Z",), "undo any change", WINDOW, "undo"),
    Binding("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", WINDOW, "redo"),
    Binding("import", ("Ctrl+I",), "import articles (in the background, with progress and Cancel)", WINDOW),
    Binding("export", ("Ctrl+E",), "export the annotations CSV", WINDOW),
    Binding("sync", ("Ctrl+Shift+S",), "sync a shared project with its team server (File ▸ Sync)", WINDOW),
    Binding("find_in_article", ("Ctrl+F",), "find in the current article (Enter finds the next)", WINDOW),
    Binding("search_project", ("Ctrl+Shift+F",), "search every article; Enter on a result opens its sentence",
            WINDOW),
    Binding("keyboard_help", ("F1",), "show the list of keys (Help ▸ Keyboard)", WINDOW, "all keys"),
)

# What the mouse does, for the help page and README; not actions.
GESTURES: tuple[tuple[str, str], ...] = (
    ("click, Shift+click, drag", "select a sentence, extend to a range, select a free span"),
    ("hover over a highlight", "its category, named source and note"),
    ("double-click in the library", "open the article (with Ctrl: in a new column)"),
    ("click an outlet's arrow in the library, or double-click the outlet", "fold or unfold its articles"),
    ("drop files on the window", "import them"),
    ("click a cell of the Story tab", "open that outlet's sentence of the claim"),
)

_SYMBOLS = {"Down": "↓", "Up": "↑", "Return": "Enter", "Backspace": "Backspace"}


def binding(command: str) -> Binding:
    return next(b for b in KEYMAP if b.command == command)


def in_section(*sections: str) -> list[Binding]:
    return [b for b in KEYMAP if b.section in sections]


@cache
def key_text(key: str, *, native: bool = True) -> str:
    """One key as a user reads it: arrows as arrows, Return as Enter, in the platform's spelling.

    Cached: the platform's spelling costs milliseconds a call, and every window shows the hint.
    """
    parts = key.split("+")
    parts[-1] = _SYMBOLS.get(parts[-1], parts[-1])
    if not native:
        return "+".join(parts)
    modifiers = QKeySequence("+".join([*parts[:-1], "A"])).toString(QKeySequence.SequenceFormat.NativeText)
    return modifiers[:-1] + parts[-1]


def keys_text(keys: Iterable[str], *, native: bool = True, joiner: str = " or ") -> str:
    """Several keys for one command: '1–9' for a run of digits, duplicates (Return, Enter) once."""
    keys = list(keys)
    if len(keys) > 2 and all(k.rpartition("+")[2].isdigit() for k in keys) and len({
            k.rpartition("+")[0] for k in keys}) == 1:  # 1–9, Ctrl+1–4
        prefix = keys[0].rpartition("+")[0]
        first = key_text(keys[0], native=native)
        return f"{first}–{keys[-1].rpartition('+')[2]}" if prefix else f"{keys[0]}–{keys[-1]}"
    shown = list(dict.fromkeys(key_text(k, native=native) for k in keys))
    return joiner.join(shown)


def status_hint() -> str:
    """The workspace's keys in one line: each hint word after the first key of its bindings."""
    groups: dict[str, list[str]] = {}
    for b in KEYMAP:
        if b.hint:
            first = keys_text(b.keys[:1]) if not b.each_key else keys_text(b.keys)
            groups.setdefault(b.hint, []).append(first)
    return " · ".join(f"{_shared_modifiers(keys)} {hint}" for hint, keys in groups.items())


def _shared_modifiers(keys: list[str]) -> str:
    """'Shift+J', 'Shift+K' as 'Shift+J/K'; keys with different modifiers joined whole."""
    prefixes = {k.rpartition("+")[0] for k in keys}
    if len(prefixes) == 1 and len(keys) > 1:
        prefix = prefixes.pop()
        return (f"{prefix}+" if prefix else "") + "/".join(k.rpartition("+")[2] for k in keys)
    return "/".join(keys)


def markdown_table() -> str:
    """The key table of README.md (portable key names)."""
    rows = ["| key / mouse | action | where |", "|---|---|---|"]
    for b in sorted(KEYMAP, key=lambda b: SECTIONS.index(b.section)):
        rows.append(f"| {keys_text(b.keys, native=False)} | {b.text} | {WHERE[b.section]} |")
    rows.extend(f"| {gesture} | {text} | |" for gesture, text in GESTURES)
    return "\n".join(rows)


def apply(action: QAction, command: str) -> QAction:
    """Give an existing action (a menu's) the keys of its binding."""
    action.setShortcuts([QKeySequence(k) for k in binding(command).keys])
    return action


def install(widget: QWidget, commands: Mapping[str, Callable[..., None]], *sections: str
            ) -> dict[str, list[QAction]]:
    """Add the bindings of `sections` to `widget` as actions live while the focus is inside it.

    Every binding of those sections needs a command (a KeyError says which one is missing).
    """
    actions: dict[str, list[QAction]] = {}
    for b in in_section(*sections):
        command = commands[b.command]
        groups = [(k,) for k in b.keys] if b.each_key else [b.keys]
        for keys in groups:
            action = QAction(b.text, widget)
            action.setObjectName(f"key_{b.command}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if b.each_key:
                action.triggered.connect(lambda _checked=False, c=command, k=keys[0]: c(k))
            else:
                action.triggered.connect(lambda _checked=False, c=command: c())
            widget.addAction(action)
            actions.setdefault(b.command, []).append(action)
    return actions


def action_for(widget: QWidget, event: QKeyEvent) -> QAction | None:
    """The enabled action of `widget` or an ancestor whose keys match a key press, nearest first.

    Qt runs shortcuts only in the active window; this lets a key sent straight to a widget of an
    inactive window (a second window, a script) do what it would do there.
    """
    pressed = pressed_keys(event)
    while widget is not None:
        for action in widget.actions():
            if action.isEnabled() and any(k.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                                          for k in action.shortcuts()):
                return action
        widget = widget.parentWidget()
    return None


def pressed_keys(event: QKeyEvent) -> QKeySequence:
    """A key press as the keymap writes it: keypad digits as digits, Shift+Backtab as Shift+Tab."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = Qt.Key(event.key())
    if key == Qt.Key.Key_Backtab:
        key, modifiers = Qt.Key.Key_Tab, modifiers | Qt.KeyboardModifier.ShiftModifier
    return QKeySequence(QKeyCombination(modifiers, key))


def is_bound(pressed: QKeySequence) -> bool:
    """Whether a key press is one of the keymap's keys (a text view then lets the action have it)."""
    return any(QKeySequence(k).matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
               for b in KEYMAP for k in b.keys)


if __name__ == "__main__":
    print(markdown_table())

"""Constrained decoding of one KeyframeFace keyframe, independent of any model library.

The adapter's output has a fixed skeleton::

    {"Keyframe_one":{"EyeBlinkLeft":<n>,"EyeLookDownLeft":<n>, ... ,"RightEyeRoll":<n>}}

The skeleton is *forced*: its tokens are fed to the model, never sampled. Only the 61 numbers are
generated, each under a :class:`NumberGrammar` (a decimal with one integer digit and at most
``decimals`` decimals, inside the channel's range). A number ends when the model picks a token that
starts the following skeleton text; tokens that merge digits with punctuation (``"2,"``,
``"0.}"``) are handled because every token is read as *numeric part + rest* (:class:`TokenTable`).
Whenever only one continuation is possible it is forced too, so the model is asked only for real
choices.

:class:`KeyframeDecoder` is the per-sequence state machine; the model loop lives in
:mod:`.transformers_backend`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "NumberGrammar",
    "TokenTable",
    "KeyframeDecoder",
    "DecodingError",
    "skeleton",
]

NUMBER_CHARS = frozenset("0123456789.-")
#: Characters that can start the skeleton text following a number (``,"Name":`` or ``}}``).
_FOLLOW_START = frozenset(",}")


class DecodingError(RuntimeError):
    """The tokenizer cannot spell what the grammar requires (e.g. it has no single digit tokens)."""


@dataclass(frozen=True)
class NumberGrammar:
    """Decimal numbers ``-?D(.D{1,decimals})?`` whose value lies in ``[lo, hi]`` (no negative zero)."""

    lo: float
    hi: float
    decimals: int = 2

    def __post_init__(self) -> None:
        if self.decimals < 1:
            raise ValueError("decimals must be at least 1")
        if self.lo > self.hi:
            raise ValueError(f"empty range [{self.lo}, {self.hi}]")

    @property
    def _bounds(self) -> tuple[int, int]:
        """The range in units of 10**-decimals (rounded inwards)."""
        scale = 10**self.decimals
        return math.ceil(round(self.lo * scale, 6)), math.floor(round(self.hi * scale, 6))

    def _reachable(self, s: str) -> tuple[int, int] | None:
        """Value interval (scaled ints) of the complete numbers starting with ``s``; None if malformed."""
        scale = 10**self.decimals
        negative = s.startswith("-")
        body = s[1:] if negative else s
        if not body:
            lo, hi = 0, 10 * scale - 1
        else:
            digit, dot, frac = body[0], body[1:2], body[2:]
            if not digit.isdigit() or dot not in ("", ".") or len(frac) > self.decimals:
                return None
            if frac and not frac.isdigit() or (not dot and len(body) > 1):
                return None
            k = len(frac)
            lo = int(digit) * scale + (int(frac) * 10 ** (self.decimals - k) if frac else 0)
            if dot:
                hi = lo + 10 ** (self.decimals - k) - 1
            else:
                hi = lo + scale - 1
        if not negative:
            return lo, hi
        lo = max(lo, 1)  # no negative zero: a minus sign promises a value below 0
        return (-hi, -lo) if lo <= hi else None

    def viable(self, s: str) -> bool:
        """True when ``s`` is the beginning of at least one number of the grammar."""
        reach = self._reachable(s)
        if reach is None:
            return False
        lo, hi = self._bounds
        return reach[0] <= hi and reach[1] >= lo

    def complete(self, s: str) -> bool:
        """True when ``s`` is a whole number of the grammar."""
        body = s[1:] if s.startswith("-") else s
        if not body or body.endswith(".") or self._reachable(s) is None:
            return False
        value = round(float(s) * 10**self.decimals)
        lo, hi = self._bounds
        return lo <= value <= hi and not (value == 0 and s.startswith("-"))


def skeleton(key: str, names: Sequence[str]) -> list[str]:
    """The fixed texts around the numbers: ``len(names) + 1`` pieces, the last being ``}}``."""
    pieces = ['{"' + key + '":{"' + names[0] + '":']
    pieces += [',"' + name + '":' for name in names[1:]]
    pieces.append("}}")
    return pieces


@dataclass(frozen=True)
class _Ending:
    token: int
    number: str  # numeric characters at the start of the token (may be empty)
    rest: str  # the skeleton text the token starts with


class TokenTable:
    """The vocabulary entries that can take part in a number or end one.

    ``texts`` yields ``(token id, text)`` pairs: the exact text each token contributes inside a
    sequence. Tokens made only of number characters continue a number; tokens made of number
    characters followed by ``,`` or ``}`` text can end one (see :meth:`choices`); others are ignored.
    """

    def __init__(self, texts: Iterable[tuple[int, str]]):
        self.numeric: list[tuple[int, str]] = []
        self._endings: list[_Ending] = []
        for token, text in texts:
            if not text:
                continue
            split = 0
            while split < len(text) and text[split] in NUMBER_CHARS:
                split += 1
            if split == len(text):
                self.numeric.append((token, text))
            elif text[split] in _FOLLOW_START:
                self._endings.append(_Ending(token, text[:split], text[split:]))
        self.numeric_text: dict[int, str] = dict(self.numeric)
        self._ending_of: dict[int, _Ending] = {e.token: e for e in self._endings}
        self._by_follow: dict[str, list[_Ending]] = {}
        self._choices: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        missing = [c for c in "0123456789." if not any(t == c for _, t in self.numeric)]
        if missing:
            raise DecodingError(f"the tokenizer has no token for {' '.join(missing)}: cannot spell numbers")

    @classmethod
    def from_tokenizer(cls, tokenizer) -> "TokenTable":
        """Build the table from a Hugging Face tokenizer (fast or slow)."""
        return cls(token_texts(tokenizer))

    def endings(self, follow: str) -> list[_Ending]:
        """Tokens whose non-numeric part is a (non-empty) prefix of ``follow``."""
        found = self._by_follow.get(follow)
        if found is None:
            found = [e for e in self._endings if follow.startswith(e.rest)]
            self._by_follow[follow] = found
        return found

    def ending(self, token: int) -> _Ending:
        """The numeric part and skeleton part of an ending token."""
        return self._ending_of[token]

    def choices(self, grammar: NumberGrammar, number: str, follow: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(token ids continuing ``number``, token ids ending it and starting ``follow``), memoised."""
        key = (grammar, number, follow)
        found = self._choices.get(key)
        if found is None:
            cont = tuple(t for t, text in self.numeric if grammar.viable(number + text))
            ends = tuple(e.token for e in self.endings(follow) if grammar.complete(number + e.number))
            found = self._choices[key] = (cont, ends)
        return found


def token_texts(tokenizer) -> list[tuple[int, str]]:
    """(id, text) for every token that may matter to numbers, as each reads *inside* a sequence.

    A token is decoded after an anchor token and the anchor's text is removed, so tokenizers that
    drop a leading space when decoding a lone token (SentencePiece) still report it. Tokens whose
    stored form cannot start with a digit, ``.``, ``-``, ``,`` or ``}`` are skipped for speed.
    """
    special = set(getattr(tokenizer, "all_special_ids", []) or [])
    pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    candidates = [
        i
        for i, piece in enumerate(pieces)
        if piece and i not in special and (piece[0] in NUMBER_CHARS or piece[0] in _FOLLOW_START or piece.startswith("<0x"))
    ]
    anchor = tokenizer.encode(":", add_special_tokens=False)[-1:]
    anchor_text = tokenizer.decode(anchor)
    texts = tokenizer.batch_decode([anchor + [i] for i in candidates], clean_up_tokenization_spaces=False)
    return [(i, t[len(anchor_text):]) for i, t in zip(candidates, texts) if t.startswith(anchor_text)]


RangeFn = Callable[[int, Sequence[float]], tuple[float, float]]


@dataclass
class KeyframeDecoder:
    """Decoding state of one keyframe.

    ``encode`` turns skeleton text into token ids; ``ranges(slot, values_so_far)`` gives the
    ``(lo, hi)`` allowed for number ``slot`` given the numbers already decoded. Call :meth:`start`
    for the tokens to feed after the prompt, :meth:`choices` for the token ids the model may pick
    next, and :meth:`take` to apply the pick: it returns the tokens to feed next (the pick, then
    everything forced after it). :attr:`done` is set once the closing ``}}`` is reached.
    """

    key: str
    names: Sequence[str]
    table: TokenTable
    encode: Callable[[str], list[int]]
    ranges: RangeFn
    decimals: int = 2
    slot: int = field(init=False, default=0)
    number: str = field(init=False, default="")
    values: list[float] = field(init=False, default_factory=list)
    sampled: int = field(init=False, default=0)  # tokens the model chose
    forced: int = field(init=False, default=0)  # tokens fed without a choice
    done: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self._pieces = skeleton(self.key, self.names)
        self._text = [self._pieces[0]]
        self._grammar = self._grammar_for(0)

    @property
    def text(self) -> str:
        """Everything decoded so far, skeleton included (the whole response once done)."""
        return "".join(self._text) + self.number

    def start(self) -> list[int]:
        """Tokens of the opening skeleton piece, plus whatever is forced before the first choice."""
        return self._forced_tokens(self._pieces[0]) + self._settle()

    def choices(self) -> tuple[int, ...]:
        """Token ids the model may choose now (empty once :attr:`done`)."""
        if self.done:
            return ()
        cont, ends = self.table.choices(self._grammar, self.number, self._follow())
        return cont + ends

    def take(self, token: int) -> list[int]:
        """Apply the model's choice; returns the tokens to feed next (the choice first)."""
        self.sampled += 1
        return [token] + self._consume(token) + self._settle()

    # -- internals

    def _grammar_for(self, slot: int) -> NumberGrammar:
        lo, hi = self.ranges(slot, self.values)
        return NumberGrammar(lo, hi, self.decimals)

    def _follow(self) -> str:
        return self._pieces[self.slot + 1]

    def _forced_tokens(self, text: str) -> list[int]:
        tokens = self.encode(text) if text else []
        self.forced += len(tokens)
        return tokens

    def _consume(self, token: int) -> list[int]:
        """Apply ``token`` at a choice point; returns the forced rest of a skeleton piece it began."""
        cont, ends = self.table.choices(self._grammar, self.number, self._follow())
        if token in cont:
            self.number += self.table.numeric_text[token]
            return []
        if token not in ends:
            raise DecodingError(f"token {token} is not allowed after {self.text[-40:]!r}")
        ending = self.table.ending(token)
        self.number += ending.number
        rest = self._follow()[len(ending.rest):]
        self._close_number()
        return self._forced_tokens(rest)

    def _close_number(self) -> None:
        """Record the finished number and move past the skeleton piece that follows it."""
        self.values.append(float(self.number))
        self._text += [self.number, self._follow()]
        self.number = ""
        self.slot += 1
        if self.slot == len(self.names):
            self.done = True
        else:
            self._grammar = self._grammar_for(self.slot)

    def _settle(self) -> list[int]:
        """Advance through every step that leaves the model no choice; returns the tokens fed."""
        feed: list[int] = []
        while not self.done:
            cont, ends = self.table.choices(self._grammar, self.number, self._follow())
            if not cont and self._grammar.complete(self.number):
                follow = self._follow()  # the number cannot grow: force the canonical skeleton
                self._close_number()
                feed += self._forced_tokens(follow)
            elif len(cont) + len(ends) == 1:
                only = (cont + ends)[0]
                self.forced += 1
                feed += [only] + self._consume(only)
            elif not cont and not ends:
                raise DecodingError(
                    f"no token can continue the number {self.number!r} for {self.names[self.slot]}"
                )
            else:
                break
        return feed

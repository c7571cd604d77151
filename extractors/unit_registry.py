"""Per-document unit registry: the same unit written three ways is one ``Unit``.

Mentions are keyed by ``fold(canonical_name(raw))`` (``core.textutil.fold``),
so "Phòng TC-HC", "Phòng TC - HC" and "Phòng Tổ chức - Hành chính" meet.
Two further merges, both general:

* **seed names** (the document's addressees, "Kính gửi: Trưởng các đơn vị sự
  nghiệp công lập trên địa bàn huyện") are fuller spellings: a mention that is
  a word prefix of a seed ("các đơn vị sự nghiệp") takes the seed's name;
* a **generic plural** ("các đơn vị", "các cơ quan, đơn vị") refers back to
  the first unit already given a task whose name starts with "Các" and holds
  that noun ("Các cơ quan, đơn vị trong Ngành").

A **short form defined in the text** ("Ban Chỉ đạo phát triển du lịch tỉnh (sau
đây gọi là Ban Chỉ đạo)") is registered with ``define(short, full)``: a mention
of the short form is the defined body.

Only units registered with ``task=True`` are returned by ``units()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core import regex_cached as regex

from extractors.units import canonical_name
from core.model import Unit
from core.textutil import RX_TIMEOUT, fold, rx_timeout

# head nouns that, written bare, refer back to the body of that head the document names ("Khoa", "Đoàn")
_BARE_HEADS = frozenset({"khoa", "phong", "ban", "doan", "to", "truong", "vien", "benh vien", "trung tam", "don vi",
                         "hoi dong", "nha truong", "tram", "cuc", "vu", "so", "doi", "nhom", "bo phan"})
_GENERIC = regex.compile(r"^cac (?:co quan|don vi|co quan, don vi|don vi, co quan|don vi truc thuoc)$")
_WORDS = regex.compile(r"\w+")


def _words(s: str) -> list[str]:
    f = fold(s)
    return _WORDS.findall(f, timeout=rx_timeout(f))


# words after a complete name that go on with the name, not its predicate: a place's level, a list, an owner, a
# preposition of place
_NOT_VERB_TAIL = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "tp", "đặc", "trung", "các", "và",
                            "của", "thuộc", "trực", "tại", "ở", "trên", "trong", "khu", "vùng", "miền", "cùng", "với"})
_LEVEL_NOUNS = frozenset({"tinh", "huyen", "xa", "phuong", "quan", "thi xa", "thanh pho", "thi tran", "tp", "dac khu"})


def _place_tail(words: list[str]) -> bool:
    """The words after a body's name are only its place: a level noun and maybe the place's name ("tỉnh",
    "thành phố Hà Nội"), or a name in capitals ("Hà Nội"), at most four words."""
    if not words or len(words) > 5:
        return False
    if len(words) == 1 and words[0].isdigit():
        # the number the body is known by ("Ban Chỉ đạo quốc gia" and "Ban Chỉ đạo quốc gia 1237", named after the
        # decision that set it up): the same body with its number left out
        return True
    folded = [fold(w) for w in words]
    lead = 2 if " ".join(folded[:2]) in _LEVEL_NOUNS else 1 if folded[0] in _LEVEL_NOUNS else 0
    rest = words[lead:]
    return len(rest) <= 4 and all(w[:1].isupper() for w in rest) and (lead > 0 or bool(rest))


def _run_on_prefixes(written: str) -> list[str]:
    """The shorter names a name may be read on from ("Cục Thuế chú trọng" → "Cục Thuế chú", "Cục Thuế"): the name
    without its last one or two words, when those are lower-case and no place, list or owner."""
    w = written.split()
    out: list[str] = []
    if len(w) < 3 or w[0].lower() == "các" or "," in written:
        return out
    for n_tail in (1, 2):
        if len(w) - n_tail < 2:
            break
        tail = w[len(w) - n_tail:]
        if not all(t.isalpha() and t.islower() for t in tail):
            break
        if tail[0] in _NOT_VERB_TAIL or " ".join(fold(t) for t in tail) in _LEVEL_NOUNS:
            break
        out.append(" ".join(w[:len(w) - n_tail]))
    return out


# a body's complete name (ending with a capitalised word) followed by the body it belongs to
_OWNED = regex.compile(r"^(\p{Lu}\S*(?:\s+\S+)+?\s+\p{Lu}\S*)\s+(?:trực\s+)?thuộc\s+\p{Lu}", regex.V1)


def _without_owner(name: str) -> str:
    """"Bảo hiểm xã hội Việt Nam thuộc Bộ Tài chính" → "Bảo hiểm xã hội Việt Nam": a body named in full, then the body
    it belongs to, is known by its own name too (a plural, "Các đơn vị thuộc Bộ", is named by its owner: none)."""
    if fold(name).startswith("cac ") or "," in name:
        return ""
    m = _OWNED.match(name, timeout=rx_timeout(name))
    return m.group(1) if m is not None and len(m.group(1).split()) >= 3 else ""


@dataclass(slots=True)
class _Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    task: bool = False
    order: int = 0
    written: str = ""  # the name as first written (before an addressee's fuller name replaced it)
    mentions: int = 0


class UnitRegistry:
    def __init__(self, seeds: list[str] | None = None) -> None:
        self._entries: dict[str, _Entry] = {}
        self._alias_of: dict[str, str] = {}
        self._seeds: list[str] = []
        self._short: dict[str, str] = {}  # key of a short form defined in the text -> the full name
        self._bare_cache: dict[str, str] | None = None  # bare head noun -> the body it refers to (see _bare_referents)
        self._by_name: dict[tuple[str, ...], str] = {}  # the words of an entry's name, in any order -> its key
        for s in seeds or []:
            name = canonical_name(s)
            if len(_words(name)) >= 3:
                self._seeds.append(name)

    def _key(self, name: str) -> str:
        # "Các cá nhân" = "cá nhân"; a word written twice by mistake ("Đảng bộ bộ TTYT") is one word
        words = _words(name)
        if words[:1] == ["cac"] and len(words) > 1:
            words = words[1:]
        out = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
        return " ".join(out)

    def _name_words(self, name: str) -> tuple[str, ...]:
        words = _words(name)
        if words[:1] == ["cac"] and len(words) > 1:
            words = words[1:]
        if len(words) >= 3:
            # "UBND các huyện, thành phố" is "UBND huyện, thành phố", "các đơn vị trực thuộc Sở X" is "các đơn vị
            # thuộc Sở X": the same bodies, the plural and the owner's word written or left out
            # (and "… có liên quan" is "… liên quan")
            words = [w for i, w in enumerate(words)
                     if w != "cac" and not (w == "truc" and words[i + 1:i + 2] == ["thuoc"])
                     and not (w == "co" and words[i + 1:i + 3] == ["lien", "quan"])] or words
        if len(words) < 3:
            return tuple(words)
        if words[-2:] == ["cap", "tinh"] and len(words) > 2:
            # "UBND cấp tỉnh" is "UBND các tỉnh, thành phố trực thuộc trung ương": every body of the province level
            words = [*words[:-2], "tinh", "thanh", "pho", "thuoc", "trung", "uong"]
        # a list's last item after "và" or a comma ("UBND phường, xã và đặc khu" / "UBND phường, xã, đặc khu")
        return tuple(sorted(w for w in words if w != "va"))

    def define(self, short: str, full: str) -> None:
        """"(sau đây gọi là Ban Chỉ đạo)": ``short`` stands for ``full`` from here on."""
        k = self._key(canonical_name(short))
        if k and k != self._key(canonical_name(full)):
            self._short[k] = full

    def resolve(self, raw: str, *, task: bool = True) -> str:
        """Register a mention; return the key of its unit."""
        self._bare_cache = None
        name = canonical_name(raw)
        key = self._key(name)
        if key in self._short:
            full = self._short[key]
            self.resolve(full, task=False)
            name = canonical_name(full)
            key = self._key(name)
        if not key:
            key = fold(name)
        if key in self._alias_of:
            key = self._alias_of[key]
        elif key not in self._entries:
            target = self._merge_target(name)
            if target is not None:
                self._alias_of[key] = target
                key = target
        e = self._entries.get(key)
        if e is None:
            full = self._seed_name(name) or self._run_on_seed(name) or name
            same = self._by_name.get(self._name_words(full))
            if same is not None:
                # two spellings given the same name (both the addressee they begin: "BHXH Thành phố" and "Bảo hiểm xã
                # hội" in a letter to "Bảo hiểm xã hội thành phố Hà Nội"), or one list of places in another order
                # ("UBND các xã, phường" / "UBND các phường, xã"): one body
                self._alias_of[key] = same
                key = same
                e = self._entries[same]
            else:
                e = self._entries[key] = _Entry(name=full, order=len(self._entries), written=name)
                self._by_name.setdefault(self._name_words(full), key)
        for alias in (raw.strip(), name, _without_owner(name)):
            if alias and alias != e.name and alias not in e.aliases:
                e.aliases.append(alias)
        e.task = e.task or task
        e.mentions += 1
        return key

    def _seed_name(self, name: str) -> str | None:
        w = _words(name)
        if len(w) >= 3:
            # the addressee the name begins; none when it begins several ("Sở Lao động - Thương binh và Xã hội" in
            # a letter to that department of seven provinces)
            longer = list(dict.fromkeys(s for s in self._seeds if len(_words(s)) > len(w) and _words(s)[:len(w)] == w))
            return longer[0] if len(longer) == 1 else None
        if len(w) == 2 and w[0] != "cac":
            # "Cục Thuế" in a letter to "Cục Thuế tỉnh Hà Tĩnh": a two-word name is the one addressee it begins
            longer = [s for s in self._seeds if len(_words(s)) > 2 and _words(s)[:2] == w]
            if len(longer) == 1:
                return longer[0]
        return None

    def _run_on_seed(self, name: str) -> str | None:
        """A name read on into its verb ("Cục Thuế chú trọng …" in a letter to "Cục Thuế tỉnh Hà Tĩnh"): the one
        addressee its complete shorter name ("Cục Thuế", ending with a capitalised word) begins."""
        for prefix in _run_on_prefixes(name):
            pw = prefix.split()
            if not pw[-1][:1].isupper():
                continue
            fw = _words(prefix)
            longer = list(dict.fromkeys(s for s in self._seeds if len(_words(s)) > len(fw) and _words(s)[:len(fw)] == fw))
            if len(longer) == 1:
                return longer[0]
        return None

    def _merge_target(self, name: str) -> str | None:
        f = fold(name)
        if _GENERIC.match(f, timeout=rx_timeout(f)):
            nouns = set(_words(f)) - {"cac"}
            for k, e in sorted(self._entries.items(), key=lambda kv: kv[1].order):
                ew = _words(e.name)
                if e.task and ew[:1] == ["cac"] and len(ew) > len(nouns) + 1 and nouns <= set(ew):
                    return k
        return None

    def _bare_referents(self) -> dict[str, str]:
        """A head noun written bare ("Khoa gửi danh sách …", "Đơn vị báo cáo …") names the one body of that
        head the document gives tasks to: "các Khoa" named before or after, or "Khoa Khoa học cơ bản" when it
        is the only one. With none, or several of either kind, it stays as written."""
        if self._bare_cache is not None:
            return self._bare_cache
        out: dict[str, str] = {}
        for k, e in self._entries.items():
            if k not in _BARE_HEADS:
                continue
            head = k.split()
            plural = [k2 for k2, e2 in self._entries.items()
                      if e2.task and k2 != k and _words(e2.name)[:1] == ["cac"] and _words(e2.name)[1:1 + len(head)] == head]
            named = [k2 for k2, e2 in self._entries.items()
                     if e2.task and k2 != k and k2.split()[:len(head)] == head and len(k2.split()) > len(head)
                     and _words(e2.name)[:1] != ["cac"]]
            if len(plural) == 1 and not named:
                out[k] = plural[0]
            elif len(named) == 1 and not plural:
                out[k] = named[0]
        self._placed_referents(out)
        self._run_on_referents(out)
        self._bare_cache = out
        return out

    def _placed_referents(self, out: dict[str, str]) -> None:
        """A body named once without its place and once with it ("Sở Y tế" and "2. Sở Y tế Hà Nội", "Thường trực
        HĐND" and "Thường trực HĐND tỉnh"): the shorter name is the one body it begins whose further words are only
        its place (a level noun - "tỉnh", "thành phố X" - or a name in capitals). With several such bodies
        ("UBND tỉnh", "UBND huyện") it stays as written; a plural ("các …") or a list ("Bộ X, Ngân hàng Y") never
        merges."""
        longer: dict[tuple[str, ...], list[str]] = {}
        for k, e in self._entries.items():
            w = _words(e.name)
            if e.task and w[:1] != ["cac"] and "," not in e.name:
                for n in range(1, len(w)):
                    longer.setdefault(tuple(w[:n]), []).append(k)
        for k, e in self._entries.items():
            w = _words(e.name)
            if k in out or not w or w[0] == "cac" or "," in e.name:
                continue
            targets = [k2 for k2 in dict.fromkeys(longer.get(tuple(w), [])) if k2 != k]
            if len(targets) == 1 and _place_tail(_WORDS.findall(self._entries[targets[0]].name,
                                                               timeout=RX_TIMEOUT)[len(w):]):
                out[k] = targets[0]

    def _run_on_referents(self, out: dict[str, str]) -> None:
        """A name read on into the verb after it ("Cục Thuế chú trọng" in "Cục Thuế chú trọng nghiên cứu …"): the
        document names the body elsewhere as the same words without the lower-case tail, and that shorter name is
        complete (it ends with a capitalised word, a proper name: "Cục Thuế", not "Ban Quản lý" whose "dự án" may go
        on). The longer name, written once, with one or two lower-case words after it that are no place, owner or
        list ("tỉnh", "các …", "của …", "và …"), is the shorter one. A shorter name ending in a lower-case syllable
        ("Ban Quản lý", "Sở Tư pháp") is no evidence: its lower-case words may go on ("Ban Quản lý dự án")."""
        by_words: dict[tuple[str, ...], str] = {}
        for k, e in self._entries.items():
            # every spelling the body was written with ("Cục Thuế" read as the addressee "Cục Thuế các tỉnh, …")
            for written in dict.fromkeys([e.written or e.name, *e.aliases]):
                w = written.split()
                if (len(w) >= 2 and w[-1][:1].isupper() and w[0].lower() != "các" and "," not in written
                        and fold(w[-1]).isalpha()):
                    by_words.setdefault(tuple(_words(written)), k)
        for k, e in self._entries.items():
            written = e.written or e.name
            w = written.split()
            if k in out or e.mentions != 1 or len(w) < 3 or w[0].lower() == "các" or "," in written:
                continue
            for prefix in _run_on_prefixes(written):
                target = by_words.get(tuple(_words(prefix)))
                target = out.get(target, target) if target is not None else None
                if target is not None and target != k:
                    out[k] = target
                    break

    def name(self, key: str) -> str:
        key = self._alias_of.get(key, key)
        key = self._bare_referents().get(key, key)
        return self._entries[key].name

    def units(self) -> list[Unit]:
        bare = self._bare_referents()
        extra: dict[str, list[str]] = {}
        for k, target in bare.items():
            e = self._entries[k]
            extra.setdefault(target, []).extend([e.name, *e.aliases])
        out = []
        for k, e in sorted(self._entries.items(), key=lambda kv: kv[1].order):
            if k in bare or not (e.task or (k in extra and any(self._entries[b].task for b, t in bare.items() if t == k))):
                continue
            aliases = list(e.aliases)
            for a in extra.get(k, []):
                if a != e.name and a not in aliases:
                    aliases.append(a)
            out.append(Unit(name=e.name, aliases=aliases))
        return out

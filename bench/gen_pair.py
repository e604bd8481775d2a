#!/usr/bin/env python3
"""Generates a pair of versions of a synthetic legal text for the peer benchmark.

    bench/gen_pair.py --words 100000 --density 0.01 --seed 1 OLD.md NEW.md

OLD is a Markdown "convention": a title, a preamble, chapters (`## Chapter IV`),
articles (`Article 12. Heading`), numbered paragraphs (`1.`, `2.`) and lettered
items (`(a)`), in legal-English sentences drawn from a few hundred words with
Zipf-like frequencies. NEW is OLD after

  * word edits at the given density (substitutions, insertions, deletions of
    1-4 words, and modal changes such as "shall" -> "may"), so that about
    density x words of the text are touched;
  * a few whole articles moved to another chapter;
  * one article inserted near the first third and one deleted near the second
    third, and every article renumbered in its new order, with the
    cross-references ("referred to in Article 12") following the renumbering,
    as a drafter's tool would do.

Only the standard library is used; the output depends only on the arguments.
A summary of what was done (the generator's own edit count: words deleted plus
words inserted, counting a move as a deletion and an insertion) is printed as
JSON on standard output; it is an upper bound on a minimal edit script.
"""
import argparse
import bisect
import itertools
import json
import random

# --- vocabulary --------------------------------------------------------------
# Ordered roughly by how common the words are in treaties and statutes; the
# sampler gives the word at rank r a weight 1/(r+2.7) (Zipf-Mandelbrot), so
# function words dominate and the tail is long, as in real legal text.
FUNCTION_WORDS = """the of and to in or a for by shall be any such with on
that as this other its which under their may not is are at from all an
including each any where has have been within between without into upon
than those these it who whom whose only also""".split()

NOUNS = """Party Parties State States authority authorities Convention Article
paragraph provision provisions measures rights person persons law laws
information Committee Government territory application request procedure
jurisdiction obligations implementation cooperation assistance protection
purposes agreement decision decisions report reports instrument instruments
national officials court courts proceedings offence offences evidence data
period members body bodies organization organizations institutions children
women victims access remedy remedies compensation detention liberty
property freedom expression information privacy security order health
safety education employment discrimination equality nationality
ratification acceptance approval accession depositary Secretary-General
amendment amendments reservation reservations dispute disputes arbitration
notification notifications meeting session sessions rules procedure budget
contributions expenses secretariat experts mandate resources capacity
training programme programmes plan strategy policy policies framework
legislation regulation regulations standards guidelines practice practices
consultation consultations participation transparency accountability
oversight review evaluation monitoring assessment documents records
communication communications complaint complaints investigation
investigations inquiry sanctions penalties fines licence permit
""".split()

ADJECTIVES = """competent relevant appropriate necessary national international
public private judicial administrative legislative effective reasonable
fundamental independent impartial adequate prompt fair equal specific
general particular further additional special present preceding following
applicable domestic regional technical financial legal lawful unlawful
arbitrary essential timely confidential voluntary mutual reciprocal
""".split()

VERBS = """take adopt ensure provide establish consider apply inform notify
submit transmit promote protect respect facilitate cooperate designate
review determine prevent punish prohibit guarantee require permit afford
grant refuse request communicate publish maintain implement undertake
examine investigate prosecute extradite assist encourage support develop
strengthen enhance coordinate monitor evaluate report
""".split()

ADVERBS = """promptly effectively fully immediately progressively jointly
reasonably expeditiously periodically duly""".split()

MODALS = ["shall", "may", "should", "shall not", "may not", "must"]
MODAL_CHANGES = {"shall": "may", "may": "shall", "should": "shall", "must": "shall"}

PHRASES = [
    "in accordance with", "the competent authorities", "with a view to",
    "in conformity with", "for the purposes of", "without prejudice to",
    "subject to", "in particular", "as appropriate", "to the extent possible",
    "in good faith", "in cooperation with", "within its jurisdiction",
    "in respect of", "on the basis of", "at the request of",
    "the present Convention", "the States Parties", "its domestic law",
    "fundamental rights and freedoms", "the rule of law",
    "within a reasonable time", "by reason of", "in the event that",
    "the Conference of the Parties", "the Secretary-General of the United Nations",
]

CHAPTER_TITLES = [
    "General provisions", "Definitions and scope", "Preventive measures",
    "Criminalization and law enforcement", "International cooperation",
    "Asset recovery", "Technical assistance and information exchange",
    "Mechanisms for implementation", "Protection of victims and witnesses",
    "Jurisdiction", "Institutional arrangements", "Final provisions",
    "Settlement of disputes", "Financial provisions", "Reporting and review",
]

HEADINGS = [
    "Purpose", "Scope of application", "Use of terms", "Protection of sovereignty",
    "Preventive policies and practices", "Public reporting", "Participation of society",
    "Measures relating to the judiciary", "Mutual legal assistance", "Extradition",
    "Transfer of sentenced persons", "Joint investigations", "Law enforcement cooperation",
    "Protection of witnesses", "Assistance to victims", "Compensation for damage",
    "Confidentiality", "Collection and exchange of information", "Training",
    "Conference of the Parties", "Secretariat", "Implementation", "Amendment",
    "Signature and ratification", "Entry into force", "Denunciation", "Depositary",
    "Reservations", "Settlement of disputes", "Relation to other treaties",
    "Freezing and seizure", "Statute of limitations", "Liability of legal persons",
    "Non-discrimination", "Right to a remedy", "Access to information",
]


def zipf_sampler(words, rng, s=1.0, q=2.7):
    """Returns a function drawing from `words` with Zipf-Mandelbrot weights."""
    cum = list(itertools.accumulate(1.0 / (r + q) ** s for r in range(len(words))))
    total = cum[-1]
    return lambda: words[bisect.bisect(cum, rng.random() * total)]


class Text:
    """Legal-English sentence generator over the vocabulary above."""

    def __init__(self, rng):
        self.rng = rng
        self.fn = zipf_sampler(FUNCTION_WORDS, rng)
        self.noun = zipf_sampler(NOUNS, rng)
        self.adj = zipf_sampler(ADJECTIVES, rng)
        self.verb = zipf_sampler(VERBS, rng)
        self.adv = zipf_sampler(ADVERBS, rng)
        self.phrase = zipf_sampler(PHRASES, rng, s=0.8)
        self.modal = zipf_sampler(MODALS, rng, s=1.6)
        self.article_count = 1  # for cross-references; set by the caller

    def noun_phrase(self):
        r = self.rng.random()
        if r < 0.15:
            return self.phrase().split() if self.rng.random() < 0.5 else ["the", self.noun()]
        words = [self.rng.choice(["the", "the", "any", "such", "each", "all"])]
        if r < 0.6:
            words.append(self.adj())
        words.append(self.noun())
        if self.rng.random() < 0.3:
            words += ["of", "the", self.noun()]
        return words

    def xref(self):
        # Marked so that renumbering can find it; the marker never reaches the file.
        return ["referred", "to", "in", "\x00%d" % self.rng.randint(1, self.article_count)]

    def clause(self):
        words = self.noun_phrase() + self.modal().split()
        if self.rng.random() < 0.2:
            words.append(self.adv())
        words.append(self.verb())
        words += self.noun_phrase()
        for _ in range(self.rng.choice([0, 1, 1, 2, 2, 3])):
            r = self.rng.random()
            if r < 0.35:
                words += self.phrase().split() + self.noun_phrase()
            elif r < 0.5:
                words += self.xref()
            elif r < 0.75:
                words += [self.fn()] + self.noun_phrase()
            else:
                words += ["and", self.verb()] + self.noun_phrase()
        return words

    def sentence(self):
        words = self.clause()
        if self.rng.random() < 0.25:
            words[-1] += ","
            words += [self.rng.choice(["provided", "unless", "where", "and"])] + self.clause()
        words[0] = words[0][0].upper() + words[0][1:]
        words[-1] += "."
        return words

    def paragraph(self, sentences):
        return list(itertools.chain.from_iterable(self.sentence() for _ in range(sentences)))


# --- document model ------------------------------------------------------------
# An article is {"id", "heading", "paras"}; a para is {"kind": "num"|"item"|"plain",
# "words": [...]}. Labels are produced when the document is written, so that
# renumbering is a matter of order.

def heading(text, rng):
    """An article heading: a stock one, or one qualified as long conventions do
    ("Mutual legal assistance in respect of evidence"), so that most are distinct."""
    h = rng.choice(HEADINGS)
    r = rng.random()
    if r < 0.3:
        return h
    if r < 0.6:
        return "%s %s %s" % (h, rng.choice(["of", "for", "concerning", "relating to"]), text.noun())
    return "%s %s the %s %s" % (h, rng.choice(["in respect of", "with regard to", "by"]), text.adj(), text.noun())


def make_article(text, rng, aid):
    paras = []
    for p in range(rng.choice([1, 2, 2, 3, 3, 4])):
        words = text.paragraph(rng.choice([1, 1, 2, 3]))
        if rng.random() < 0.25:  # a list of lettered items after a lead-in
            words = words[:-1] + [words[-1].rstrip(".") + ":"]
            paras.append({"kind": "num", "words": words})
            for i in range(rng.randint(2, 5)):
                item = text.clause()
                item[-1] += ";"
                paras.append({"kind": "item", "words": item})
            paras[-1]["words"][-1] = paras[-1]["words"][-1].rstrip(";") + "."
        else:
            paras.append({"kind": "num", "words": words})
    if len([p for p in paras if p["kind"] == "num"]) == 1 and rng.random() < 0.5:
        paras[0]["kind"] = "plain"  # single-paragraph articles are often unnumbered
    return {"id": aid, "heading": heading(text, rng), "paras": paras}


def article_words(a):
    return 3 + len(a["heading"].split()) + sum(len(p["words"]) + 1 for p in a["paras"])


def make_document(words, rng):
    text = Text(rng)
    title = "Convention on Cooperation in the Prevention and Suppression of Transnational Offences"
    preamble = [text.paragraph(2) for _ in range(3)]
    chapters = []  # list of [title, [articles]]
    total = len(title.split()) + sum(map(len, preamble))
    aid = 0
    while total < words:
        if not chapters or (len(chapters[-1][1]) >= 6 and rng.random() < 0.12):
            chapters.append([CHAPTER_TITLES[len(chapters) % len(CHAPTER_TITLES)], []])
            total += 3 + len(chapters[-1][0].split())
        aid += 1
        text.article_count = max(1, aid - 1)
        a = make_article(text, rng, aid)
        chapters[-1][1].append(a)
        total += article_words(a)
    return {"title": title, "preamble": preamble, "chapters": chapters}, text


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n):
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def render(doc):
    """Writes the document, numbering articles in order and resolving cross-references."""
    number = {}
    for a in (a for _, arts in doc["chapters"] for a in arts):
        number[a["id"]] = len(number) + 1

    def words_out(ws):
        out = []
        for w in ws:
            if w.startswith("\x00"):
                ref = int(w[1:].rstrip(".,;:"))
                tail = w[1 + len(str(ref)):]
                # a reference to a deleted article keeps its old number, as drafters' slips do
                out.append("Article %d%s" % (number.get(ref, ref), tail))
            else:
                out.append(w)
        return " ".join(out)

    lines = ["# " + doc["title"], ""]
    for p in doc["preamble"]:
        lines += [words_out(p), ""]
    lines += ["Have agreed as follows:", ""]
    for ci, (title, arts) in enumerate(doc["chapters"], 1):
        lines += ["## Chapter %s" % roman(ci), "", title, ""]
        for a in arts:
            lines += ["Article %d. %s" % (number[a["id"]], a["heading"]), ""]
            n = 0
            item = 0
            for p in a["paras"]:
                if p["kind"] == "num":
                    n += 1
                    item = 0
                    lines.append("%d. %s" % (n, words_out(p["words"])))
                elif p["kind"] == "item":
                    lines.append("(%s) %s" % ("abcdefghijklmnopqrstuvwxyz"[item % 26], words_out(p["words"])))
                    item += 1
                else:
                    lines.append(words_out(p["words"]))
                lines.append("")
    return "\n".join(lines)


# --- edits -------------------------------------------------------------------

def edit_words(words, rng, text, density, counter):
    """Applies word edits to one paragraph; counts words deleted and inserted."""
    out = []
    i = 0
    # An edit touches 2.2 words on average (see the sizes below), so starting one
    # at each word with probability density/2.2 touches about density of them.
    p = density / 2.2
    while i < len(words):
        w = words[i]
        if rng.random() >= p or w.startswith("\x00"):
            out.append(w)
            i += 1
            continue
        r = rng.random()
        bare = w.rstrip(".,;:")
        tail = w[len(bare):]
        if bare in MODAL_CHANGES and r < 0.5:  # modal change: shall -> may
            out.append(MODAL_CHANGES[bare] + tail)
            counter["deleted"] += 1
            counter["inserted"] += 1
            i += 1
        elif r < 0.45:  # substitution of 1-2 words by 1-2 others
            k = min(rng.choice([1, 1, 2]), len(words) - i)
            repl = [rng.choice([text.adj, text.noun, text.verb, text.fn])() for _ in range(rng.choice([1, 1, 2]))]
            tail = words[i + k - 1][len(words[i + k - 1].rstrip(".,;:")):]
            repl[-1] += tail
            out += repl
            counter["deleted"] += k
            counter["inserted"] += len(repl)
            i += k
        elif r < 0.75:  # insertion of 1-4 words before w
            ins = text.phrase().split() if rng.random() < 0.5 else [text.adv()]
            ins = ins[: rng.randint(1, 4)]
            out += ins + [w]
            counter["inserted"] += len(ins)
            i += 1
        else:  # deletion of 1-3 words (never the last word, which carries the full stop)
            k = min(rng.randint(1, 3), len(words) - i - 1)
            if k <= 0:
                out.append(w)
                i += 1
                continue
            counter["deleted"] += k
            i += k
    return out


def make_new(doc, text, rng, density):
    counter = {"deleted": 0, "inserted": 0, "word_edits": 0, "moved_articles": 0, "moved_words": 0}
    new = json.loads(json.dumps(doc))  # deep copy
    for ch in new["chapters"]:
        for a in ch[1]:
            for p in a["paras"]:
                p["words"] = edit_words(p["words"], rng, text, density, counter)
    counter["word_edits"] = counter["deleted"] + counter["inserted"]
    n_articles = sum(len(arts) for _, arts in new["chapters"])

    # Moves: about one per 100 articles, at least one; whole articles to another chapter.
    n_moves = max(1, n_articles // 100)
    for _ in range(n_moves):
        src = rng.randrange(len(new["chapters"]))
        if len(new["chapters"][src][1]) < 2:
            continue
        a = new["chapters"][src][1].pop(rng.randrange(len(new["chapters"][src][1])))
        dst = rng.randrange(len(new["chapters"]))
        new["chapters"][dst][1].insert(rng.randint(0, len(new["chapters"][dst][1])), a)
        counter["moved_articles"] += 1
        counter["moved_words"] += article_words(a)

    # One article deleted at about two thirds, one new article inserted at about one third:
    # the articles in between are renumbered by one, the later ones keep their numbers
    # (but not their text), the cross-references follow.
    flat = [(ci, a) for ci, (_, arts) in enumerate(new["chapters"]) for a in arts]
    ci, victim = flat[2 * len(flat) // 3]
    new["chapters"][ci][1].remove(victim)
    counter["deleted"] += article_words(victim)
    text.article_count = n_articles
    fresh = make_article(text, rng, n_articles + 1)
    ci, anchor = flat[len(flat) // 3]
    arts = new["chapters"][ci][1]
    arts.insert(arts.index(anchor), fresh)
    counter["inserted"] += article_words(fresh)
    return new, counter


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--words", type=int, default=10000, help="approximate size of OLD in words")
    ap.add_argument("--density", type=float, default=0.01, help="share of words edited")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    doc, text = make_document(args.words, rng)
    new, counter = make_new(doc, text, random.Random(args.seed * 7919 + 1), args.density)
    old_text, new_text = render(doc), render(new)
    for path, t in ((args.old, old_text), (args.new, new_text)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(t + "\n")
    counter["old_words"] = len(old_text.split())
    counter["new_words"] = len(new_text.split())
    counter["generator_edits"] = counter["deleted"] + counter["inserted"] + 2 * counter["moved_words"]
    print(json.dumps(counter))


if __name__ == "__main__":
    main()

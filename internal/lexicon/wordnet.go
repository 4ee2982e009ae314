package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The WordNet synonym table (wordnet.txt.gz, see tools/wordnetgen and
// wordnet-LICENSE) is a general resource beside the hand-made paraphrase
// groups: a reader's word the reports never use ("choppers", "wages") may
// have a synonym they do ("helicopters", "pay"). WordNet lists a word's
// senses most frequent first, and only the first few are offered: a rare
// sense ("pig" of "cop") is noise.

//go:generate sh -c "go run ../../tools/wordnetgen -o wordnet.txt.gz"

//go:embed wordnet.txt.gz
var wordnetData []byte

// wordNet is the table read: synsets' lemmas, and each word's senses per
// part of speech, in WordNet's order.
type wordNet struct {
	synsets [][]string
	senses  map[string][]wnPart
}

// wnPart is a word's senses in one part of speech ('n', 'v', 'a', 'r').
type wnPart struct {
	pos    byte
	senses []wnSense
}

// wnSense is one sense of a word: its synset (-1 for a sense with no other
// lemma) and how often WordNet's tagged texts used the word in it.
type wnSense struct{ synset, count int32 }

// loadedWordNet reads the table on first use, not at init: a command that
// never asks a question ("bot help") does not pay for it.
var loadedWordNet = sync.OnceValue(func() *wordNet {
	wn, err := parseWordNet(wordnetData)
	if err != nil {
		panic("lexicon: embedded WordNet table: " + err.Error()) // a build artefact: broken only by a bad go generate
	}
	return wn
})

func parseWordNet(data []byte) (*wordNet, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	wn := &wordNet{senses: make(map[string][]wnPart, 64000)}
	sc := bufio.NewScanner(zr)
	index := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || line == "":
		case line == "%%":
			index = true
		case !index:
			wn.synsets = append(wn.synsets, strings.Fields(line))
		default:
			word, rest, _ := strings.Cut(line, " ")
			wn.senses[word] = parseParts(rest, len(wn.synsets))
		}
	}
	return wn, sc.Err()
}

// parseParts reads an index line's senses after its word: "n:12/3,- v:40".
// A sense naming no synset of the table's synsets is one with no other
// lemma.
func parseParts(rest string, synsets int) []wnPart {
	var parts []wnPart
	for _, p := range strings.Fields(rest) {
		pos, ids, _ := strings.Cut(p, ":")
		var senses []wnSense
		for _, id := range strings.Split(ids, ",") {
			id, count, _ := strings.Cut(id, "/")
			n, err := strconv.Atoi(id)
			if err != nil || n >= synsets {
				n = -1 // "-": a sense with no other lemma
			}
			c, _ := strconv.Atoi(count)
			senses = append(senses, wnSense{int32(n), int32(c)})
		}
		parts = append(parts, wnPart{pos[0], senses})
	}
	return parts
}

// baseForms are the spellings WordNet may list a folded word under: the
// word, then its singular or its verb's base, by the regular endings
// ("choppers" chopper, "torched" torch, "bribing" bribe).
func baseForms(w string) []string {
	out := []string{w}
	if base, ok := irregular[w]; ok {
		return append(out, base)
	}
	if base, ok := irregularNouns[w]; ok {
		return append(out, base)
	}
	cut := func(suffix string, adds ...string) {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || len(stem) < 2 {
			return
		}
		for _, a := range adds {
			out = append(out, stem+a)
		}
		if n := len(stem); (suffix == "ed" || suffix == "ing") && n > 2 && stem[n-1] == stem[n-2] {
			out = append(out, stem[:n-1]) // "stopped" stop
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		cut("ies", "y")
	case strings.HasSuffix(w, "ss"):
	case strings.HasSuffix(w, "es"):
		cut("es", "e", "")
	case strings.HasSuffix(w, "s"):
		cut("s", "")
	case strings.HasSuffix(w, "ied"):
		cut("ied", "y")
	case strings.HasSuffix(w, "ed"):
		cut("ed", "", "e")
	case strings.HasSuffix(w, "ing"):
		cut("ing", "", "e")
	}
	return out
}

// Synonyms returns the other one-word lemmas of a folded word's first
// senses in WordNet, each part of speech's first sense before any second:
// "wages" gives pay, earnings, remuneration, salary (of "wage"). The word
// is looked up as written and as its singular or verb base. Two uses of
// WordNet's frequencies keep a rare sense's noise out:
//   - a sense no tagged text used is left out when another of the word's
//     senses was used ("halt" the adjective, "lame"; "cop" the verb, "steal");
//   - a lemma is offered only when the sense is what it mostly means
//     (firstSense): "brag" is "boast", not "blow", whose first sense is
//     another, nor "issue", mostly a journal's, for "publish".
func Synonyms(word string, senses int) []string {
	wn := loadedWordNet()
	forms := wn.lookupForms(word)
	tagged := wn.anyTagged(forms)
	var out []string
	for i := range senses {
		for _, f := range forms {
			for _, part := range wn.senses[f] {
				p := part.senses
				if !offered[part.pos] || i >= len(p) || p[i].synset < 0 || tagged && p[i].count == 0 {
					continue
				}
				for _, l := range wn.synsets[p[i].synset] {
					if !slices.Contains(forms, l) && !slices.Contains(out, l) && wn.firstSense(l, p[i].synset) {
						out = append(out, l)
					}
				}
			}
		}
	}
	return out
}

// anyTagged reports whether WordNet's tagged texts used any of forms in
// any sense.
func (wn *wordNet) anyTagged(forms []string) bool {
	for _, f := range forms {
		for _, p := range wn.senses[f] {
			if slices.ContainsFunc(p.senses, func(s wnSense) bool { return s.count > 0 }) {
				return true
			}
		}
	}
	return false
}

// offered are the parts of speech whose senses offer synonyms: nouns and
// verbs, the things and deeds a question asks about. A question's
// adjectives and adverbs are mostly its hedges ("finally", "altogether",
// "decent"), whose synonyms ("ultimately", "totally", "proper") are in
// reports about anything.
var offered = map[byte]bool{'n': true, 'v': true}

// lookupForms returns the spellings of a folded word the table lists: the
// word itself and the first of its base forms listed ("wages" and "wage",
// not "wag").
func (wn *wordNet) lookupForms(word string) []string {
	var out []string
	for i, f := range baseForms(word) {
		if _, ok := wn.senses[f]; ok {
			out = append(out, f)
			if i > 0 {
				break
			}
		}
	}
	return out
}

// firstSense reports whether synset is what lemma mostly means: its first
// sense in its part of speech (a synset has one) and, when tagged texts
// used the lemma, more than half of its use over every sense. "Issue" is
// "publish" in its first verb sense but a journal's issue far more often.
func (wn *wordNet) firstSense(lemma string, synset int32) bool {
	first := false
	var total, count int32
	for _, p := range wn.senses[lemma] {
		for i, s := range p.senses {
			total += s.count
			if s.synset == synset {
				first, count = first || i == 0, s.count
			}
		}
	}
	return first && (total == 0 || 2*count > total)
}

// SynonymStems returns the English stems of a word's WordNet synonyms
// (Synonyms), those that are neither the word's own stem nor a stop word.
func (a *Analyzer) SynonymStems(word string, senses int) []string {
	own := a.stems.stem(word, English)
	var out []string
	for _, l := range Synonyms(word, senses) {
		if IsStopWord(l) {
			continue
		}
		if st := a.stems.stem(l, English); st != own && !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// minSynonymWord: a shorter word is too often a French one ("fin") or an
// abbreviation for WordNet's English to say what it means.
const minSynonymWord = 4

// SynonymEligible reports a question's concept WordNet may stand in for:
// a plain word (no name of the glossary, no number, not written with a
// capital, which makes it a name: "Haiti Chronicle"). Whether it needs
// WordNet (the word and its paraphrase group, which come first, are rare
// in the corpus) is the caller's to judge.
func SynonymEligible(c Concept, capitalised map[string]bool) bool {
	return !c.Glossary && !c.Number && len(c.Text) >= minSynonymWord &&
		!strings.Contains(c.Text, " ") && !capitalised[c.Text]
}

// CapitalisedWords returns the folded words text writes with a capital,
// its first word left out.
func CapitalisedWords(text string) map[string]bool {
	out := map[string]bool{}
	for i, t := range Tokens(text) {
		if r, _ := utf8.DecodeRuneInString(text[t.Start:]); i > 0 && unicode.IsUpper(r) {
			out[t.Text] = true
		}
	}
	return out
}

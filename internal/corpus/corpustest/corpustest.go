// Package corpustest generates synthetic corpora for tests and benchmarks:
// deterministic English-like text whose word frequencies follow Zipf's law,
// as real text does, so that posting lists, stop words and rare terms cost
// what they cost on a real corpus. It does not import corpus, so corpus's
// own tests can use it.
package corpustest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// functionWords are the most frequent English words, most frequent first:
// they take the top Zipf ranks as they do in real prose.
var functionWords = strings.Fields(`the of and to a in that is was for it with as on be by he at from his
this are or an have not but had which were they their been has its one would who there all more also
when will can after said about into than them two other new some these first over such only most may
between during under while where since both before because against through those three could then
each how any what many if out up very our year people us however same before during
`)

// topicWords give the corpus a subject: mid-frequency content words.
var topicWords = strings.Fields(`mission police haiti kenya kenyan gangs gang security council united nations
resolution mandate force officers deployment capital port prince government minister president ruto
funding fund trust contributors personnel troops support national haitian transition court judgment
constitution parliament opposition human rights violence displacement humanitarian aid airport patrol
checkpoint district commander contingent vehicles armoured helicopters fuel salaries budget donors
pledge pledged pledges authorised authorization renewal renewed vote voted unanimous abstained
sanctions embargo weapons smuggling border dominican republic caribbean community caricom bahamas
jamaica belize guatemala el salvador benin chad bangladesh canada states washington nairobi
addis ababa summit prime council transitional elections electoral police officers killed wounded
attack attacks massacre neighbourhood neighbourhoods cite soleil delmas petion ville artibonite
croix bouquets kidnapping ransom extortion coalition leader leaders viv ansanm barbecue cherizier
report reports investigation investigators abuses accountability vetting oversight office support
logistics equipment training deployed arrived arrival departure withdraw withdrawal suppression
`)

// syllables make the long tail of rare words (names, places, jargon).
var syllables = strings.Fields("ka ri mo na te lu si po de va ni ro be ta mi ko sa le gu fa zi ne bo ha ju")

// VocabularySize is the number of distinct words the generator draws from.
const VocabularySize = 30_000

// Generator makes deterministic synthetic text. Not safe for concurrent use.
type Generator struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

// New returns a generator; the same seed gives the same text.
func New(seed uint64) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	return &Generator{r: r, zipf: rand.NewZipf(r, 1.07, 2, VocabularySize-1), vocab: vocabulary()}
}

func vocabulary() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range topicWords {
		add(w)
	}
	// Deterministic pseudo-words of two to four syllables.
	r := rand.New(rand.NewPCG(1, 2))
	for len(out) < VocabularySize {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		add(b.String())
	}
	return out
}

// Word draws one word by Zipf rank.
func (g *Generator) Word() string { return g.vocab[g.zipf.Uint64()] }

// Sentence makes a sentence of 8 to 28 words, capitalised, ending in a stop.
func (g *Generator) Sentence() string {
	n := 8 + g.r.IntN(21)
	words := make([]string, n)
	for i := range words {
		words[i] = g.Word()
	}
	if g.r.IntN(4) == 0 { // some sentences carry a number, as news does
		words[g.r.IntN(n)] = fmt.Sprint(g.r.IntN(5000))
	}
	first, size := utf8.DecodeRuneInString(words[0])
	words[0] = string(unicode.ToUpper(first)) + words[0][size:]
	return strings.Join(words, " ") + "."
}

// Text makes about n words of paragraphs (blank-line separated) of whole
// sentences.
func (g *Generator) Text(n int) string {
	var paras []string
	var para []string
	count, inPara := 0, 0
	for count < n {
		s := g.Sentence()
		w := len(strings.Fields(s))
		para = append(para, s)
		count += w
		inPara += w
		if inPara > 60+g.r.IntN(60) {
			paras = append(paras, strings.Join(para, " "))
			para, inPara = nil, 0
		}
	}
	if len(para) > 0 {
		paras = append(paras, strings.Join(para, " "))
	}
	return strings.Join(paras, "\n\n")
}

// Doc is a synthetic document with the metadata a real one has.
type Doc struct {
	Title     string
	Source    string
	URL       string
	Published time.Time
	Text      string
}

var sources = []string{"Daily Nation", "Le Nouvelliste", "The Standard", "Haiti Libre", "UN News", "Reuters", "AP", "Al Jazeera"}

// Doc makes document i with about words words of text.
func (g *Generator) Doc(i, words int) Doc {
	title := make([]string, 4+g.r.IntN(6))
	for j := range title {
		title[j] = g.Word()
	}
	return Doc{
		Title:     strings.Join(title, " "),
		Source:    sources[g.r.IntN(len(sources))],
		URL:       fmt.Sprintf("https://news.example.org/%d/%s", i, strings.Join(title[:2], "-")),
		Published: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.r.IntN(3*365*24)) * time.Hour),
		Text:      g.Text(words),
	}
}

var questionForms = []string{
	"How many %s %s are in the %s?",
	"What did the %s say about %s and %s?",
	"When was the %s %s %s?",
	"Who is responsible for %s %s in %s?",
	"Why did %s %s the %s?",
	"%s %s %s",
}

// Question makes a question of the kind readers ask: stop words around two
// or three content words drawn from the whole vocabulary by Zipf rank, so
// some are common and most are not.
func (g *Generator) Question() string {
	form := questionForms[g.r.IntN(len(questionForms))]
	var args []any
	for range strings.Count(form, "%s") {
		w := g.Word()
		for i := 0; i < 20 && isFunctionWord(w); i++ {
			w = g.Word()
		}
		args = append(args, w)
	}
	return fmt.Sprintf(form, args...)
}

func isFunctionWord(w string) bool {
	for _, f := range functionWords {
		if f == w {
			return true
		}
	}
	return false
}

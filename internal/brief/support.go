package brief

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// The model's answer is checked in code, not only by the prompt: a model
// that obeys a document, or invents, must not have its words posted.

// Notes saying why a model's answer was set aside for extraction.
const (
	noteSetAside          = "the language model's answer was set aside: "
	NoteModelObeyedDoc    = noteSetAside + "it followed an instruction found inside a document"
	NoteModelLeakedPrompt = noteSetAside + "it repeated the bot's own instructions"
	NoteModelBare         = noteSetAside + "it held no answer, only a mention or a marker"
	NoteModelUnsupported  = noteSetAside + "none of its sentences is supported by the passage it cites"
)

// leakGram is how many consecutive words of the system prompt an answer
// may not repeat (unless a passage or the question holds them too).
const leakGram = 6

// vetModelText cleans a model's reply and checks it against the passages
// of r: it returns the text to post with its citations, the count of
// markers naming no passage, and, when the reply must not be posted, the
// note saying why.
func (a *Answerer) vetModelText(raw string, req Request, r retrieval) (string, []Citation, int, string) {
	clean := cleanModelText(raw)
	_, cites, dropped := renumberModelText(clean, r)
	ev := newEvidence(r)
	switch {
	case ev.leaks(clean, a.systemPrompt(req, r)):
		return "", nil, dropped, NoteModelLeakedPrompt
	case ev.echoes(clean):
		return "", nil, dropped, NoteModelObeyedDoc
	case isBare(clean):
		return "", nil, dropped, NoteModelBare
	case len(cites) == 0:
		// An answer that shows no source is not one an analyst can use.
		return "", nil, dropped, NoteModelFailed + "its answer cited none of the passages"
	}
	kept, supported := ev.keepSupported(clean)
	if supported == 0 {
		return "", nil, dropped, NoteModelUnsupported
	}
	text, cites, _ := renumberModelText(kept, r)
	if len(cites) == 0 {
		return "", nil, dropped, NoteModelUnsupported
	}
	fillSupports(text, cites)
	return text, cites, dropped, ""
}

// systemPrompt renders the rules the model was given, to recognise them
// in its answer.
func (a *Answerer) systemPrompt(req Request, r retrieval) string {
	msgs, err := a.messages(r.question, req.History, r.hits)
	if err != nil || len(msgs) == 0 {
		return ""
	}
	return msgs[0].Content
}

// evidence is what the passages of a retrieval can back: per passage, the
// terms and numbers of its sentences that are not instructions, its title
// and its date; and apart, the sentences that address the model.
type evidence struct {
	r        retrieval
	asked    map[string]bool // forms of the question's concepts
	bags     []termBag       // per passage
	nums     []map[string]bool
	langs    []string
	instr    []string        // instruction sentences, all passages
	exclude  map[string]bool // forms found only in instructions
	shouted  map[string]bool // forms an instruction puts in capitals or quotes
	allBag   termBag         // every non-instruction term, all passages
	passText string          // every passage, folded words joined, for the leak check
}

func newEvidence(r retrieval) *evidence {
	ev := &evidence{r: r, asked: map[string]bool{}, exclude: map[string]bool{}, shouted: map[string]bool{},
		allBag: termBag{Bag: lexicon.Bag{}}}
	for _, c := range r.an.lex.Query(r.question) {
		for _, f := range c.Forms {
			ev.asked[f] = true
		}
	}
	var folded []string
	for _, h := range r.hits {
		bag, nums := termBag{Bag: lexicon.Bag{}}, map[string]bool{}
		sents, bags := r.an.of(h)
		for i, s := range sents {
			if isInstruction(s) {
				ev.instr = append(ev.instr, s)
				continue
			}
			addBag(bag, bags[i])
			addNumbers(nums, s)
		}
		meta := h.Doc.Title
		if !h.Doc.Published.IsZero() {
			meta += "\n" + dateForms(h.Doc.Published)
		}
		addBag(bag, r.an.bag(meta, h.Doc.Lang))
		addNumbers(nums, meta)
		addBag(ev.allBag, bag)
		ev.bags, ev.nums, ev.langs = append(ev.bags, bag), append(ev.nums, nums), append(ev.langs, h.Doc.Lang)
		folded = append(folded, strings.Join(foldedTokens(h.Doc.Title+"\n"+h.Text), " "))
	}
	folded = append(folded, strings.Join(foldedTokens(r.question), " "))
	ev.passText = " " + strings.Join(folded, " | ") + " "
	for _, s := range ev.instr {
		for _, c := range r.an.lex.Query(s) {
			if c.Number || ev.isAsked(c) || ev.allBag.Has(c) {
				continue
			}
			for _, f := range c.Forms {
				ev.exclude[f] = true
			}
		}
		for _, w := range emphasised(s) {
			for _, c := range r.an.lex.Query(w) {
				if !c.Number && !ev.isAsked(c) && !ev.allBag.Has(c) {
					for _, f := range c.Forms {
						ev.shouted[f] = true
					}
				}
			}
		}
	}
	return ev
}

func addBag(dst, src termBag) {
	for t := range src.Bag {
		dst.Bag[t] = true
	}
}

func addNumbers(dst map[string]bool, s string) {
	for _, t := range lexicon.Tokens(s) {
		if lexicon.IsNumber(t.Text) {
			dst[t.Text] = true
			// "09" in an ISO date is the 9 of "9 September".
			if n, err := strconv.Atoi(t.Text); err == nil {
				dst[strconv.Itoa(n)] = true
			}
		}
	}
}

// dateForms writes a publication date the ways an answer may say it: the
// model is told to give the date its answer holds as of.
func dateForms(t time.Time) string {
	t = t.UTC()
	return t.Format("2 January 2006") + " " + t.Format(time.DateOnly) + " " + frenchMonths[t.Month()-1]
}

var frenchMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

func (ev *evidence) isAsked(c lexicon.Concept) bool {
	for _, f := range c.Forms {
		if ev.asked[f] {
			return true
		}
	}
	return false
}

// Sentences that address a reader who follows orders rather than one who
// reads: what a document says to the model, not about the world.
var instructionREs = []*regexp.Regexp{
	regexp.MustCompile(`\b(ignore|disregard|forget|override|bypass)\b.{0,60}\b(instructions?|rules|prompts?|guidelines|directions|directives)\b`),
	regexp.MustCompile(`\b(system|hidden|initial|secret|original) (prompt|instructions|message|rules)\b`),
	regexp.MustCompile(`\byour (instructions|rules|prompt|guidelines|configuration)\b`),
	regexp.MustCompile(`\b(code ?word|password|pass ?phrase|secret word|magic word)\b`),
	regexp.MustCompile(`\b(language model|ai assistant|chatbot|assistant|llm|ai)\b.{0,40}\b(must|should|shall|will|reply|respond|answer|say|write|output|cite)\b`),
	regexp.MustCompile(`\bcite (\[\s*\d+\s*\]|passage|source|document)`),
	regexp.MustCompile(`(whatever|regardless of|for (any|every)) (the )?(question|request|query)`),
	regexp.MustCompile(`^\W*(please )?(reply|respond|say|output|print|ping|notify|mention|tag|cite|reveal|repeat|disclose|ignore|disregard|forget|always|never|answer only|write only)\b`),
	regexp.MustCompile(`^\W*(system|assistant|user|developer)\s*:`),
	regexp.MustCompile(`<[!@][a-z0-9^|]+>|(^|\s)@(here|channel|everyone)\b`),
}

// isInstruction reports whether a document sentence gives orders to the
// reader (the model), as an injected instruction does.
func isInstruction(s string) bool {
	low := strings.ToLower(s)
	for _, re := range instructionREs {
		if re.MatchString(low) {
			return true
		}
	}
	return false
}

var quotedRE = regexp.MustCompile(`["“'‘]([^"”'’]{1,40})["”'’]`)

// emphasised returns the words an instruction shouts (in capitals) or
// quotes: what it wants said.
func emphasised(s string) []string {
	var out []string
	for i, w := range strings.Fields(s) {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if i == 0 || len(core) < 3 || strings.ToUpper(core) != core || strings.ToLower(core) == core {
			continue
		}
		out = append(out, core)
	}
	for _, m := range quotedRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// answerWords is the text of an answer sentence whose words are compared:
// no markers, and of a link only its text.
func answerWords(s string) string {
	s = markdownLinkRE.ReplaceAllString(s, "$1")
	s = bareURLRE.ReplaceAllString(s, " ")
	return markerRE.ReplaceAllString(s, " ")
}

var (
	markdownLinkRE = regexp.MustCompile(`\[([^\[\]]*)\]\((?:https?://)[^)\s]*\)`)
	bareURLRE      = regexp.MustCompile(`https?://\S+`)
)

// leaks reports whether text repeats leakGram words in a row of the
// system prompt that neither a passage nor the question holds.
func (ev *evidence) leaks(text, system string) bool {
	if system == "" {
		return false
	}
	sys := foldedTokens(system)
	grams := map[string]bool{}
	for i := 0; i+leakGram <= len(sys); i++ {
		grams[strings.Join(sys[i:i+leakGram], " ")] = true
	}
	words := foldedTokens(answerWords(text))
	for i := 0; i+leakGram <= len(words); i++ {
		g := strings.Join(words[i:i+leakGram], " ")
		if grams[g] && !strings.Contains(ev.passText, " "+g+" ") {
			return true
		}
	}
	return false
}

// echoes reports whether a sentence of text says what a document's
// instruction asked for: a word the instruction shouts or quotes, or two
// words found in the passages only in their instructions.
func (ev *evidence) echoes(text string) bool {
	if len(ev.instr) == 0 {
		return false
	}
	for _, s := range answerSentences(text) {
		n := 0
		for _, c := range ev.r.an.lex.Query(answerWords(s.text)) {
			if c.Number {
				continue
			}
			hit, loud := false, false
			for _, f := range c.Forms {
				hit = hit || ev.exclude[f]
				loud = loud || ev.shouted[f]
			}
			if loud {
				return true
			}
			if hit {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// isBare reports whether text says nothing: no word of meaning and no
// number once markers, mentions and links are gone.
func isBare(text string) bool {
	return len(contentTerms(answerWords(text))) == 0
}

// answerSentence is a sentence of an answer with the passages it cites
// (0-based; its own markers, or those of the sentence of its line that
// ends the claim it belongs to).
type answerSentence struct {
	line     int
	text     string
	passages []int
	own      bool // the markers are its own
	owner    int  // index of the sentence whose markers it borrows; -1
	code     bool // a line of a code block: kept as it is
}

// answerSentences splits an answer into sentences, line by line. Markers
// written after a full stop belong to the sentence before them.
func answerSentences(text string) []answerSentence {
	var out []answerSentence
	fence := false
	for li, line := range strings.Split(text, "\n") {
		if isFence(line) || fence {
			out = append(out, answerSentence{line: li, text: line, owner: -1, code: true})
			if isFence(line) {
				fence = !fence
			}
			continue
		}
		first := len(out)
		for _, s := range document.Sentences(line) {
			if lead := markerPrefixRE.FindString(s); lead != "" && len(out) > first {
				out[len(out)-1].text += " " + strings.TrimSpace(lead)
				s = strings.TrimSpace(s[len(lead):])
				if s == "" {
					continue
				}
			}
			out = append(out, answerSentence{line: li, text: s, owner: -1})
		}
		// A claim's marker may come sentences later, on the same line.
		next := -1
		for i := len(out) - 1; i >= first; i-- {
			if markerRE.MatchString(out[i].text) {
				out[i].own, next = true, i
				continue
			}
			out[i].owner = next
		}
	}
	return out
}

var markerPrefixRE = regexp.MustCompile(`^(\s*\[\s*\d{1,4}\s*(?:[-–,;]\s*\d{1,4}\s*)*\])+`)

func isFence(line string) bool {
	t := strings.TrimLeft(line, " \t")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

// markedPassages returns the valid passages (0-based) that the markers of s
// name.
func markedPassages(s string, n int) []int {
	var out []int
	for _, m := range markerRE.FindAllString(s, -1) {
		for _, k := range parseMarker(m) {
			if k >= 1 && k <= n && !slices.Contains(out, k-1) {
				out = append(out, k-1)
			}
		}
	}
	return out
}

// keepSupported drops the sentences of text that the passages they cite
// do not support, and returns what is left with the count of cited
// sentences kept. A sentence that cites nothing is kept when some passage
// supports it or it makes no claim. A sentence that borrowed the markers
// of a dropped one gets them, so its source still shows.
func (ev *evidence) keepSupported(text string) (string, int) {
	sents := answerSentences(text)
	n := len(ev.r.hits)
	for i := range sents {
		if sents[i].own {
			sents[i].passages = markedPassages(sents[i].text, n)
		}
	}
	keep := make([]bool, len(sents))
	supported := 0
	for i, s := range sents {
		if s.code {
			keep[i] = true
			continue
		}
		ps := s.passages
		if s.owner >= 0 {
			ps = sents[s.owner].passages
		}
		if len(ps) > 0 {
			keep[i] = ev.supports(s.text, ps)
			if keep[i] {
				supported++
			}
			continue
		}
		if makesNoClaim(s.text) {
			keep[i] = true
			continue
		}
		all := make([]int, n)
		for k := range all {
			all[k] = k
		}
		keep[i] = ev.supportedByOne(s.text, all)
	}
	// Give a dropped sentence's markers to the last kept one that relied
	// on them.
	for i, s := range sents {
		if keep[i] || !s.own {
			continue
		}
		for j := i - 1; j >= 0 && sents[j].owner == i; j-- {
			if keep[j] {
				sents[j].text = withMarkers(sents[j].text, strings.Join(markerRE.FindAllString(s.text, -1), ""))
				break
			}
		}
	}
	lines := strings.Split(text, "\n")
	rebuilt := make([][]string, len(lines))
	had := make([]bool, len(lines))
	for i, s := range sents {
		had[s.line] = true
		if keep[i] {
			rebuilt[s.line] = append(rebuilt[s.line], s.text)
		}
	}
	var out []string
	for li, l := range lines {
		switch {
		case !had[li]:
			out = append(out, l) // a blank line
		case len(rebuilt[li]) > 0:
			indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			if isFence(l) || strings.HasPrefix(rebuilt[li][0], indent) {
				indent = ""
			}
			out = append(out, indent+strings.Join(rebuilt[li], " "))
		}
	}
	return strings.Join(out, "\n"), supported
}

// makesNoClaim reports whether an uncited sentence states nothing to
// check: no number and at most one word of meaning ("In short:", "Done.").
func makesNoClaim(s string) bool {
	terms := contentTerms(answerWords(s))
	return len(terms) <= 1 && !slices.ContainsFunc(terms, lexicon.IsNumber)
}

// withMarkers puts markers at the end of a sentence, before its closing
// punctuation.
func withMarkers(s, markers string) string {
	s = strings.TrimRight(s, " ")
	core := strings.TrimRight(s, ".!?…:;")
	return core + " " + markers + s[len(core):]
}

// supportedByOne reports whether one of the passages supports s.
func (ev *evidence) supportedByOne(s string, passages []int) bool {
	for _, p := range passages {
		if ev.supports(s, []int{p}) {
			return true
		}
	}
	return false
}

// supports reports whether the passages hold what sentence s says: every
// number exactly, and minSupport of its words, counting only those
// the question did not bring when there are any (the topic's words are in
// every passage and prove nothing). A sentence of a single word is judged
// by its numbers when it has some. Across languages only numbers and
// names can be compared.
func (ev *evidence) supports(s string, passages []int) bool {
	words := answerWords(s)
	var nums, all, novel []lexicon.Concept
	for _, c := range ev.r.an.lex.Query(words) {
		switch {
		case c.Number:
			nums = append(nums, c)
		case lexicon.IsStopWord(c.Text):
			// "THE" of shouted text, read as an acronym: no claim.
		default:
			all = append(all, c)
			if !ev.isAsked(c) {
				novel = append(novel, c)
			}
		}
	}
	for _, c := range nums {
		if !slices.ContainsFunc(passages, func(p int) bool { return ev.nums[p][c.Text] }) {
			return false
		}
	}
	cross := !slices.ContainsFunc(passages, func(p int) bool { return sameLanguage(words, ev.langs[p]) })
	if cross {
		all, novel = names(words, all), names(words, novel)
	}
	base := novel
	if len(base) == 0 {
		base = all
	}
	if len(base) == 0 || (len(base) == 1 && len(nums) > 0) {
		return len(nums) > 0 || len(all) == 0 || cross
	}
	// A word held only through a synonym group counts half: "salaries"
	// is not "funding".
	exact, score := 0, 0.0
	for _, c := range base {
		switch {
		case slices.ContainsFunc(passages, func(p int) bool { return ev.bags[p].holds(c) }):
			exact++
			score++
		case slices.ContainsFunc(passages, func(p int) bool { return ev.bags[p].Has(c) }):
			score += 0.5
		}
	}
	return exact > 0 && score >= minSupport*float64(len(base))
}

// minSupport is the share of a sentence's words its passages must hold.
const minSupport = 0.6

// names keeps the concepts that are glossary names or written with a
// capital inside s: what reads the same in another language.
func names(s string, cs []lexicon.Concept) []lexicon.Concept {
	capital := map[string]bool{}
	for i, w := range strings.Fields(s) {
		r := []rune(strings.TrimLeft(w, "\"“‘'(*_"))
		if i > 0 && len(r) > 0 && unicode.IsUpper(r[0]) {
			for _, t := range lexicon.Tokens(w) {
				capital[t.Text] = true
			}
		}
	}
	var out []lexicon.Concept
	for _, c := range cs {
		if c.Glossary || capital[c.Text] {
			out = append(out, c)
		}
	}
	return out
}

// sameLanguage guesses whether s is written in lang ("" is English), from
// its commonest function words; a sentence too short to tell counts as
// the same.
func sameLanguage(s, lang string) bool {
	en, fr := 0, 0
	for _, t := range foldedTokens(s) {
		if englishFunction[t] {
			en++
		}
		if frenchFunction[t] {
			fr++
		}
	}
	isFrench := fr >= 2 && fr > en
	isEnglish := en >= 2 && en > fr
	switch {
	case lang == "fr":
		return !isEnglish
	default:
		return !isFrench
	}
}

var (
	englishFunction = lexiconSet("the of and is are to in for that with was by on has have it its from")
	frenchFunction  = lexiconSet("le la les des du est sont une un et dans pour que qui au aux sur par avec ont été il elle")
)

// fillSupports lists under each citation the answer sentences it backs.
func fillSupports(text string, cites []Citation) {
	sents := answerSentences(text)
	for i := range sents {
		if sents[i].own {
			sents[i].passages = markedPassages(sents[i].text, len(cites))
		}
	}
	for _, s := range sents {
		if s.code {
			continue
		}
		ps := s.passages
		if s.owner >= 0 {
			ps = sents[s.owner].passages
		}
		plain := tidySpaces(markerRE.ReplaceAllString(s.text, ""))
		for _, p := range ps {
			if plain != "" && !slices.Contains(cites[p].Supports, plain) {
				cites[p].Supports = append(cites[p].Supports, plain)
			}
		}
	}
	for i := range cites {
		if cites[i].Supports == nil {
			cites[i].Supports = []string{}
		}
	}
}

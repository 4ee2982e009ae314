package brief

// How a question typed in chat is read before it is searched: the
// preamble and sign-off left out, the names of a question typed in lower
// case told from the passages found, a slip of the keyboard respelled.
// docs/answers.md, section 0, says what each does and what it measured.

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// greetings and askings open a question in chat without being part of
// it: "hey, quick q: who leads the force?", "can you tell me when ...".
var (
	greetings = lexiconSet(`hey hi hello hiya yo ok okay please pls quick q qq question bot folks team thanks
bonjour salut coucou svp stp merci question rapide`)
	askings = [][]string{{"can", "you", "tell", "me"}, {"could", "you", "tell", "me"}, {"can", "you", "remind", "me"},
		{"could", "you", "remind", "me"}, {"tell", "me"}, {"do", "you", "know"}, {"does", "anyone", "know"}, {"anyone", "know"},
		{"i", "want", "to", "know"}, {"i", "d", "like", "to", "know"}, {"i", "would", "like", "to", "know"}, {"i", "wonder"},
		{"any", "idea"}, {"remind", "me"}, {"pouvez", "vous", "me", "dire"}, {"peux", "tu", "me", "dire"}, {"dis", "moi"},
		{"dites", "moi"}, {"savez", "vous"}, {"sais", "tu"}}
)

// signOffs close a chat question without being part of it: "thx!",
// "pls", "merci".
var signOffs = lexiconSet(`thx thanks ty tia pls please cheers merci svp stp lol asap`)

// emojiCode is a Slack emoji as typed: ":thinking_face:".
var emojiCode = regexp.MustCompile(`:[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:`)

// withoutPreamble strips what a chat question opens with before it asks
// (greetings, "quick q:", "can you tell me") and what closes it after
// (emoji, "thx", "pls"), writes its shorthand out and drops its stress
// words. A question that is nothing else is left as it is.
func withoutPreamble(q string) string {
	if stripped := strings.TrimSpace(emojiCode.ReplaceAllString(q, " ")); stripped != "" {
		q = stripped
	}
	return withoutOpening(withoutClosing(withoutStress(particlesJoined(spelledOut(tallyAsCount(howComeAsWhy(withoutAside(q))))))))
}

// howCome asks why: as words, "come" would be a word of the question
// the reports must hold.
var howCome = regexp.MustCompile(`(?i)\bhow come\b`)

// howComeAsWhy writes "how come" as "why".
func howComeAsWhy(q string) string { return howCome.ReplaceAllString(q, "why") }

// voteTally is a question's "what was the vote tally", "the vote count".
var voteTally = regexp.MustCompile(`(?i)\bwhat (?:was|is|were) the (?:vote|votes|voting) (?:tally|count|breakdown)\b`)

// tallyAsCount writes "what was the vote tally" as "how many votes": a
// tally is a count of votes, and read so only a sentence that counts them
// ("13 in favour", "15 voix pour") answers it, not one that only says the
// vote was won ("parliament approved the deployment of 1,000 officers").
func tallyAsCount(q string) string { return voteTally.ReplaceAllString(q, "how many votes were cast") }

// chatShorthand is how chat shortens words the reports spell out.
var chatShorthand = map[string]string{"ppl": "people", "govt": "government", "gov't": "government", "intl": "international",
	"b/c": "because", "bc": "because", "w/": "with", "abt": "about", "approx": "approximately", "mil": "million",
	"bn": "billion", "gvt": "government", "gouv": "gouvernement", "pk": "parce que", "qd": "quand",
	"sg": "Secretary-General", "unsg": "UN Secretary-General", "nsa": "national security adviser", "ny": "New York",
	"nyc": "New York", "op": "operation", "ops": "operations", "ok'd": "approved", "ok’d": "approved", "okayed": "approved",
	"dept": "department", "cmdr": "commander", "pap": "Port-au-Prince", "intel": "intelligence", "amb": "ambassador", "rep": "representative", "reps": "representatives",
	"ps": "principal secretary",
	// A question word's contraction typed without its apostrophe: "whats
	// the budget" must read as "what's the budget" for its phrase to be
	// found (an unread phrase asks for no kind of answer, and any
	// sentence on the topic then seems to answer it).
	"whats": "what's", "whos": "who's", "wheres": "where's", "whens": "when's", "hows": "how's",
	// Ordinals as figures: "the 2nd contingent", "le 2e contingent".
	"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "1er": "premier", "1re": "première",
	"2e": "deuxième", "2eme": "deuxième", "2ème": "deuxième", "3e": "troisième", "3eme": "troisième", "3ème": "troisième"}

// monthShort are months as chat shortens them.
var monthShort = map[string]string{"jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
	"janv": "janvier", "fevr": "février", "févr": "février", "avr": "avril", "juil": "juillet", "déc": "décembre"}

// nextToFigure reports whether the word before or after words[i] is a
// number ("Jan 2024", "30 Sept.").
func nextToFigure(words []string, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(words) && lexicon.IsNumber(strings.Trim(words[j], "?!.,;:()")) {
			return true
		}
	}
	return false
}

// spelledOut writes chat shorthand out ("how many ppl", "the govt's
// plan"), word by word, keeping what surrounds each word.
func spelledOut(q string) string {
	words := strings.Fields(q)
	changed := false
	for i, w := range words {
		core := strings.TrimRight(w, "?!.,;:")
		rest := w[len(core):]
		lower := strings.ToLower(core)
		suffix := ""
		for _, apostrophe := range []string{"'s", "’s"} {
			if base, ok := strings.CutSuffix(lower, apostrophe); ok {
				lower, suffix = base, apostrophe
			}
		}
		long, ok := chatShorthand[lower]
		if month, isMonth := monthShort[lower]; isMonth && nextToFigure(words, i) {
			// "Jan 2024", "30 Sept.": the reports write the month out.
			long, ok, rest = month, true, strings.TrimPrefix(rest, ".")
		}
		if ok && (lower == "mil" || lower == "bn") && (i == 0 || !lexicon.IsNumber(strings.Trim(words[i-1], "$€£"))) {
			ok = false // "mil" is "million" after a figure, else maybe "military"
		}
		if lower == "right" && rest == "" && suffix == "" && i+1 < len(words) && strings.ToLower(strings.TrimRight(words[i+1], "?!.,;:")) == "now" {
			long, ok = "", true // "right now" is "now"
		}
		if ok {
			words[i], changed = long+suffix+rest, true
		}
	}
	if !changed {
		return q
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}

// stressWords insist on what is asked, or hedge it, without changing it:
// "on what exact date" asks "on what date", "Chad's offer seems to have
// shifted" says it has, "what kinds of grievances" asks which, "its whole
// contingent" is its contingent.
var stressWords = [][]string{{"exact"}, {"exactly"}, {"precise"}, {"precisely"}, {"specific"}, {"specifically"},
	{"actually"}, {"really"}, {"basically"}, {"seems", "to"}, {"seem", "to"}, {"appears", "to"},
	{"appear", "to"}, {"kinds", "of"}, {"sorts", "of"}, {"sort", "of"}, {"exactement"}, {"precisement"}, {"vraiment"}, {"au", "juste"}, {"whole"}, {"entire"},
	{"day", "to", "day"}, {"on", "a", "daily", "basis"}, {"au", "quotidien"}}

// splitParticle is a phrasal verb with its object between the verb and
// the particle: "pulling its officers out", "bringing its cops home".
var splitParticle = regexp.MustCompile(`(?i)\b(pull|pulls|pulling|pulled|bring|brings|bringing|brought|send|sends|sending|sent|` +
	`call|calls|calling|called|scale|scales|scaling|scaled|draw|draws|drawing|drew|hand|hands|handing|handed|roll|rolls|rolling|rolled|` +
	`rough|roughs|roughing|roughed|beat|beats|beating|take|takes|taking|took|win|wins|winning|won|hold|holds|holding|held)` +
	`((?:\s+[\p{L}'’-]+){1,3}?)\s+(out|home|back|off|down|over|up)\b`)

// particlesJoined puts a phrasal verb's particle back beside its verb,
// where the paraphrase groups meet it ("pulling out its officers").
func particlesJoined(q string) string {
	return splitHold.ReplaceAllString(splitParticle.ReplaceAllString(q, "$1 $3$2"), "$1 on hold$2")
}

// splitHold is "put ... on hold" around its object, which may be longer
// than a particle's: "put its deployment to Haiti on hold". "On ice" and
// "on the back burner" are its idioms and are read as it: a report says
// "suspend", which the paraphrase group of "on hold" meets.
var splitHold = regexp.MustCompile(`(?i)\b(put|puts|putting)((?:\s+[\p{L}\d'’-]+){1,5}?)\s+on\s+(?:hold|ice|the\s+back[\s-]+burner)\b`)

// asideOpeners open what a chat question adds after its question mark
// without asking it: "who's the deputy commander? think he's Jamaican".
var asideOpeners = [][]string{{"think"}, {"i", "think"}, {"i", "believe"}, {"pretty", "sure"}, {"iirc"}, {"afaik"},
	{"not", "sure"}, {"maybe"}, {"probably"}, {"i", "guess"}, {"guess"}, {"i", "heard"}, {"heard"}, {"if", "i", "recall"},
	{"need"}, {"i", "need"}, {"needed"}, {"it's", "for"}, {"its", "for"}, {"for", "a"}, {"for", "my"}, {"asking", "for"}, {"asking", "because"},
	{"je", "crois"}, {"je", "pense"}, {"il", "me", "semble"}}

// asideClosers end an aside that opens with what it recalls: "who's the
// deputy commander? jamaican officer iirc".
var asideClosers = [][]string{{"iirc"}, {"afaik"}, {"i", "think"}, {"i", "believe"}, {"i", "guess"}, {"maybe"}, {"probably"},
	{"je", "crois"}, {"je", "pense"}}

// withoutAside drops the aside after a question mark ("?" or "？"),
// and whatever follows it.
func withoutAside(q string) string {
	for at, r := range q {
		if r != '?' && r != '？' {
			continue
		}
		end := at + utf8.RuneLen(r)
		if parenthesised(q[end:]) {
			return q[:end] // "which town? (i know it was artibonite but which town)"
		}
		tail := tokenTexts(lexicon.Tokens(q[end:]))
		for _, run := range asideOpeners {
			if len(tail) >= len(run) && slices.Equal(tail[:len(run)], run) {
				return q[:end]
			}
		}
		for _, run := range asideClosers {
			if len(tail) >= len(run) && slices.Equal(tail[len(tail)-len(run):], run) {
				return q[:end]
			}
		}
		// "agence afrique had the detail": who told it, as "according to"
		// says it.
		if src := toldBySource(tail); src != "" {
			return "according to " + src + ", " + q[:end]
		}
		// "latest estimate pls": a request closing on a please, with no
		// question word of its own, restates the question.
		if len(tail) > 0 && signOffs[tail[len(tail)-1]] && !slices.ContainsFunc(tail, func(w string) bool { return joinedQuestionWords[w] }) {
			return q[:end]
		}
	}
	return q
}

// toldBySource returns the source of a tail that only says who told the
// answer ("agence afrique had the detail", "reuters reported it"): the
// words before its verb; "" for any other tail.
func toldBySource(tail []string) string {
	if slices.ContainsFunc(tail, func(w string) bool { return joinedQuestionWords[w] }) {
		return ""
	}
	for i := 1; i+1 < len(tail); i++ {
		if !sourceVerbs[tail[i]] {
			continue
		}
		for _, w := range tail[i+1 : min(i+3, len(tail))] {
			if toldThings[w] {
				return strings.Join(tail[:i], " ")
			}
		}
	}
	return ""
}

var (
	sourceVerbs = lexiconSet(`had has reported ran covered wrote published broke`)
	toldThings  = lexiconSet(`detail details story it this that figure figures number numbers`)
)

// parenthesised reports a tail that is one remark in brackets, asking
// nothing of its own (no question mark).
func parenthesised(tail string) bool {
	tail = strings.TrimSpace(tail)
	return strings.HasPrefix(tail, "(") && strings.HasSuffix(tail, ")") && !strings.ContainsAny(tail, "?？")
}

// withoutStress drops the stress words of a question of more than a few
// words.
func withoutStress(q string) string {
	if len(lexicon.Tokens(q)) < 4 || !holdsRun(q, stressWords) {
		return q
	}
	return tidySpaces(withoutRuns(q, stressWords))
}

// withoutClosing strips the sign-offs a question ends with.
func withoutClosing(q string) string {
	for {
		toks := lexicon.Tokens(q)
		n := len(toks)
		if n < 3 {
			return q
		}
		switch {
		case signOffs[toks[n-1].Text]:
			q = strings.TrimRight(q[:toks[n-1].Start], " ,;:-—–!.…")
		case toks[n-2].Text == "thank" && toks[n-1].Text == "you", toks[n-2].Text == "merci" && toks[n-1].Text == "beaucoup":
			q = strings.TrimRight(q[:toks[n-2].Start], " ,;:-—–!.…")
		default:
			return q
		}
	}
}

// withoutOpening strips the greetings and askings a question opens with.
func withoutOpening(q string) string {
	for {
		toks := lexicon.Tokens(q)
		if len(toks) < 3 {
			return q
		}
		cut := 0
		if greetings[toks[0].Text] {
			cut = toks[0].End
		} else {
			words := tokenTexts(toks)
			for _, run := range askings {
				if len(words) > len(run)+1 && slices.Equal(words[:len(run)], run) {
					cut = toks[len(run)-1].End
					break
				}
			}
		}
		if cut == 0 {
			return q
		}
		q = strings.TrimLeft(q[cut:], " ,:;-—–!.…")
	}
}

// recase writes a question typed all in lower case with the capitals the
// passages give its words: a word the passages write capitalised or in
// capitals where a sentence does not start ("Haiti", "UNSOH") is a name.
// A question with a capital past its first letter is left as it is, but
// for acronyms: "names of the two belize officers in the MSS" is typed in
// lower case all the same.
func recase(q string, hits []document.Hit) string {
	if len(q) < 2 || typedWithCapitals(q) || len(hits) == 0 {
		return q
	}
	var texts []string
	for _, h := range hits {
		texts = append(texts, h.Text)
	}
	text := " " + strings.Join(texts, " ") + " "
	words := strings.Fields(q)
	for i, w := range words {
		if i == 0 {
			continue
		}
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if cut := strings.IndexAny(core, "'’"); cut > 0 {
			core = core[:cut] // "kenya's"
		}
		size := len([]rune(core))
		if size < 3 || lexicon.IsStopWord(core) || honorific(core) {
			continue // "justice" is a title in "Justice Mwita", a word here
		}
		lower := countWord(text, core)
		recased := false
		for _, form := range []string{strings.ToUpper(core), capitalise(core)} {
			if form == strings.ToUpper(core) && size < 4 {
				continue // "res" is not "RES/2699"
			}
			if n := countWord(text, form); n >= 1 && n > 2*lower {
				words[i] = strings.Replace(w, core, form, 1)
				recased = true
				break
			}
		}
		if !recased && size > 5 && lower == 0 && (demonymOfName(text, core) || demonymOfGroup(text, core)) {
			words[i] = strings.Replace(w, core, capitalise(core), 1) // "bangladeshi": the passages write "Bangladesh"
		}
	}
	return strings.Join(words, " ")
}

// demonymEndings make a people of a place's name: "Bangladeshi",
// "Jamaican", "Kenyan", "Haitian".
var demonymEndings = []string{"i", "n", "an", "ian"}

// demonymOfName reports a word the passages never write, one of
// demonymEndings past a name they write only capitalised.
func demonymOfName(text, word string) bool {
	for _, e := range demonymEndings {
		if base, ok := strings.CutSuffix(word, e); ok && len(base) > 3 && countWord(text, base) == 0 && countWord(text, capitalise(base)) > 0 {
			return true
		}
	}
	return false
}

// demonymOfGroup reports a people word the passages never write whose
// paraphrase group holds a name they write only capitalised: "bahamian"
// beside "the Bahamas", which no ending cut gives.
func demonymOfGroup(text, word string) bool {
	if !slices.ContainsFunc(demonymEndings, func(e string) bool { return strings.HasSuffix(word, e) }) {
		return false
	}
	return slices.ContainsFunc(lexicon.GroupOf(word), func(m string) bool {
		return m != word && !strings.Contains(m, " ") && countWord(text, m) == 0 && countWord(text, capitalise(m)) > 0
	})
}

// typedWithCapitals reports a question with a capital past its first
// letter outside a word written all in capitals.
func typedWithCapitals(q string) bool {
	for i, w := range strings.Fields(q) {
		if i == 0 {
			w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
			if _, size := utf8.DecodeRuneInString(w); size > 0 {
				w = w[size:]
			}
		}
		if strings.ToLower(w) != w && strings.ToUpper(w) != w && !shorthandCapitals[strings.Trim(w, "?!.,;:()")] {
			return true
		}
	}
	return false
}

// shorthandCapitals are the capitalised words chatShorthand writes
// ("ny" is "New York"): a question typed in lower case still is.
var shorthandCapitals = func() map[string]bool {
	m := map[string]bool{}
	for _, long := range chatShorthand {
		for _, w := range strings.Fields(long) {
			if strings.ToLower(w) != w {
				m[w] = true
			}
		}
	}
	return m
}()

// countWord counts the occurrences of word in text as a whole word, not
// where a sentence starts (after ". ", "! ", "? ").
func countWord(text, word string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return n
		}
		at := i + j
		end := at + len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[end:])
		lead := strings.TrimRight(text[:at], " \t\"“‘'(«")
		starts := lead == "" || strings.ContainsAny(lead[len(lead)-1:], ".!?:\n")
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) && !unicode.IsNumber(after) && !starts {
			n++
		}
		i = end
	}
}

func capitalise(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// spellFixed returns the question with each word that no passage of the
// corpus holds, and that is one slip (two for a long word) from a word of
// the passages the search found, written as those passages write it.
func (a *Answerer) spellFixed(ctx context.Context, r retrieval) (string, bool) {
	if r.corpusDF == nil {
		return "", false
	}
	var unknown []string
	for i, c := range r.asked {
		if !c.Glossary && r.corpusDF[i] == 0 && r.topicDF[i] == 0 && len(c.Text) >= minSlipWord && !strings.Contains(c.Text, " ") && !lexicon.IsNumber(c.Text) {
			unknown = append(unknown, c.Text)
		}
	}
	if len(unknown) == 0 {
		return "", false
	}
	hits, err := a.search.Search(ctx, document.Query{Text: r.query, K: max(poolFactor*a.cfg.K, minPool)})
	if err != nil || len(hits) == 0 {
		return "", false
	}
	seen := map[string]int{}
	for _, h := range hits {
		for _, t := range lexicon.Tokens(h.Text) {
			seen[t.Text]++
		}
	}
	// The words a question asks with, which no passage need hold and
	// which are stop words to the search: "now", "currently".
	cues := map[string]bool{}
	for _, run := range presentCues {
		for _, w := range run {
			seen[w]++
			cues[w] = true
		}
	}
	fixes := map[string]string{}
	for _, w := range unknown {
		best, bestD, bestN := "", maxSlips(w)+1, 0
		for t, n := range seen {
			if len(t) < minSlipWord-1 || !sameStart(w, t) || lexicon.IsStopWord(t) && !cues[t] || absDiff(len(t), len(w)) > maxSlips(w) {
				continue
			}
			d := slips(w, t)
			if d == 0 || d > maxSlips(w) || d == 1 && len(w) < minChangedLetterWord && changesALetter(w, t) {
				continue // "react" is not a slip for "reach": a short word one letter off is another word
			}
			if d < bestD || d == bestD && n > bestN {
				best, bestD, bestN = t, d, n
			}
		}
		if best != "" {
			fixes[w] = best
		}
	}
	if len(fixes) == 0 {
		return "", false
	}
	words := strings.Fields(r.question)
	for i, w := range words {
		for _, t := range lexicon.Tokens(w) {
			if fix, ok := fixes[t.Text]; ok {
				switch typed := w[t.Start:t.End]; {
				case len(typed) > 1 && strings.ToUpper(typed) == typed:
					fix = strings.ToUpper(fix) // "UNOSH"
				case typed != strings.ToLower(typed):
					fix = capitalise(fix) // "Christofdies"
				}
				words[i] = w[:t.Start] + fix + w[t.End:]
				break
			}
		}
	}
	return strings.Join(words, " "), true
}

// minSlipWord is the shortest word respelled: a short word one letter off
// is as often another word.
const minSlipWord = 5

// sameStart reports whether a and b open with the same two letters, or
// with them swapped ("fofice", "office"): a slip rarely starts a word.
func sameStart(a, b string) bool {
	return a[:2] == b[:2] || a[0] == b[1] && a[1] == b[0]
}

// minChangedLetterWord is the shortest word whose slip may be a letter
// changed for another (rather than two swapped, one left out or put in).
const minChangedLetterWord = 8

// maxSlips is how many slips a word may hold: one, two from ten letters.
func maxSlips(w string) int {
	if len(w) >= 10 {
		return 2
	}
	return 1
}

// changesALetter reports whether a and b, one slip apart, differ by a
// letter changed: of one length, and not the same letters swapped.
func changesALetter(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return !bytes.Equal(x, y)
}

// slips is the optimal string alignment distance between a and b: letters
// put in, left out, changed, or two side by side swapped.
func slips(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

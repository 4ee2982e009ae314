package brief

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// markerRE matches a citation marker: [1], [1, 2], [1; 3], [2-4]. Adjacent
// markers ([1][2]) are matched one by one.
var markerRE = regexp.MustCompile(`\[\s*\d{1,4}\s*(?:[-–,;]\s*\d{1,4}\s*)*\]`)

// maxRange bounds how many passages a range marker such as [1-5] may name.
const maxRange = 20

// parseMarker returns the numbers a marker names, in order.
func parseMarker(m string) []int {
	body := strings.Trim(m, "[] ")
	var out []int
	for _, part := range strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if lo, hi, ok := strings.Cut(strings.ReplaceAll(part, "–", "-"), "-"); ok {
			a, err1 := strconv.Atoi(strings.TrimSpace(lo))
			b, err2 := strconv.Atoi(strings.TrimSpace(hi))
			if err1 == nil && err2 == nil && a <= b && b-a < maxRange {
				for n := a; n <= b; n++ {
					out = append(out, n)
				}
				continue
			}
			out = append(out, -1) // a range that names nothing real
			continue
		}
		if n, err := strconv.Atoi(part); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// resolveCitations checks the markers of text against the passages given
// (marker n is hits[n-1]). Markers naming no passage are removed and
// counted; the rest are renumbered densely in order of first use, one
// number per document, and written as [1][2]. Each citation's quote is the
// sentence of its passages that best supports a claim it follows. The rest
// of the text is left as it is.
func resolveCitations(text string, r retrieval) (string, []Citation, int) {
	return citeMarkers(text, r, true)
}

// citeMarkers is resolveCitations; without quotes, the citations have none
// (a streamed partial text shows only its markers, and choosing quotes
// for the whole text at every few words of it made streaming quadratic).
func citeMarkers(text string, r retrieval, quotes bool) (string, []Citation, int) {
	hits := r.hits
	type cited struct {
		c        Citation
		passages map[int]bool // indices into hits
		claims   []string
	}
	var cites []*cited
	byDoc := map[string]int{} // doc id -> index into cites
	dropped := 0

	var b strings.Builder
	last := 0 // end of the text copied so far: the previous marker's end
	hadMarker := false
	var group []int // citation numbers written in the current run of adjacent markers
	for _, loc := range markerRE.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		if end < len(text) && text[end] == '(' {
			continue // a Markdown link's text, not a citation
		}
		claim := claimText(text, last, start)
		between := text[last:start]
		if hadMarker && strings.TrimSpace(between) == "" {
			between = "" // [1] [2] and [1][2] both become [1][2]
		} else {
			b.WriteString(between)
			group = nil
		}
		for _, n := range parseMarker(text[start:end]) {
			if n < 1 || n > len(hits) {
				dropped++
				continue
			}
			h := hits[n-1]
			i, ok := byDoc[h.DocID]
			if !ok {
				i = len(cites)
				byDoc[h.DocID] = i
				cites = append(cites, &cited{c: citationFor(h, i+1), passages: map[int]bool{}})
			}
			cites[i].passages[n-1] = true
			if claim != "" {
				cites[i].claims = append(cites[i].claims, claim)
			}
			if !slices.Contains(group, i+1) {
				group = append(group, i+1)
				b.WriteString("[" + strconv.Itoa(i+1) + "]")
			}
		}
		last, hadMarker = end, true
	}
	b.WriteString(text[last:])

	out := make([]Citation, len(cites))
	for i, c := range cites {
		if quotes {
			c.c.Quote = bestQuote(r, c.passages, c.claims)
		}
		out[i] = c.c
	}
	return b.String(), out, dropped
}

// resolveModelText checks and renumbers the citations of (cleaned) model
// text, tidying the gaps that dropped markers leave. Text saying what an
// instruction inside a passage asked for comes back empty: a streamed
// answer must not show it even for a moment.
func resolveModelText(text string, r retrieval) (string, []Citation, int) {
	t, cites, dropped := renumberModelText(text, r)
	if newEvidence(r).echoes(text) {
		return "", nil, dropped
	}
	return t, cites, dropped
}

// partialModelText is resolveModelText for a streamed partial text: the
// markers renumbered, no quotes chosen, checked against evidence built
// once for the whole stream.
func partialModelText(text string, r retrieval, ev *evidence) string {
	t, _, _ := citeMarkers(text, r, false)
	if ev.echoes(text) {
		return ""
	}
	return tidySpaces(t)
}

// renumberModelText is resolveModelText without the check.
func renumberModelText(text string, r retrieval) (string, []Citation, int) {
	t, cites, dropped := resolveCitations(text, r)
	return tidySpaces(t), cites, dropped
}

// claimText is the claim a marker at pos follows: the text since the
// previous marker, or the sentence before the marker when that is empty.
func claimText(text string, from, pos int) string {
	lineStart := strings.LastIndexByte(text[:pos], '\n') + 1
	seg := strings.TrimSpace(markerRE.ReplaceAllString(text[max(from, lineStart):pos], " "))
	if len(contentTerms(seg)) < 2 {
		seg = strings.TrimSpace(markerRE.ReplaceAllString(text[lineStart:pos], " "))
	}
	sents := document.Sentences(seg)
	if len(sents) == 0 {
		return ""
	}
	return sents[len(sents)-1]
}

func citationFor(h document.Hit, n int) Citation {
	c := CitationOf(h.Doc, n)
	c.DocID = h.DocID // the hit's own, whatever its copy of the document holds
	return c
}

// A sentence longer than maxQuoteWords is quoted as the quoteWords-word
// stretch that holds most of what was asked: web text without full stops
// makes "sentences" of whole pages.
const (
	maxQuoteWords = 60
	quoteWords    = 45
)

// bestQuote picks, from the cited passages, the sentence sharing the most
// terms with a claim that cites them; failing that, the one best matching
// the question; failing that, the first.
func bestQuote(r retrieval, passages map[int]bool, claims []string) string {
	var sents []string
	var bags []termBag
	for _, short := range []bool{false, true} {
		for i, h := range r.hits {
			if !passages[i] {
				continue
			}
			ss, bs := r.an.of(h)
			for j, s := range ss {
				if short || (len(strings.Fields(s)) >= 4 && !isSourceList(s)) {
					sents, bags = append(sents, s), append(bags, bs[j])
				}
			}
		}
		if len(sents) > 0 {
			break // short sentences and source lists only when nothing else
		}
	}
	if len(sents) == 0 {
		return ""
	}
	pick := func(terms []string) (int, int) {
		best, bestN := 0, 0
		for i, bag := range bags {
			n := 0
			for _, t := range terms {
				if bag.has(t) {
					n++
				}
			}
			if n > bestN {
				best, bestN = i, n
			}
		}
		return best, bestN
	}
	asked := r.concepts
	best, bestN, focus := 0, 0, asked
	for _, claim := range claims {
		terms := concepts(claim)
		if i, n := pick(terms); n > bestN {
			best, bestN, focus = i, n, terms
		}
	}
	if bestN == 0 {
		best, _ = pick(asked)
	}
	return quoteText(sents[best], focus)
}

// quoteText readies a document sentence for display: footnote marks out
// (they would read as our citation markers), whitespace folded, and a very
// long sentence cut to the stretch holding most of focus. It stays the
// document's words: the transport escapes them.
func quoteText(s string, focus []string) string { return quoteAnswer(s, focus, "") }

// causeReach is how many words a quote keeps from a cause cue on: "due
// to the urban combat".
const causeReach = 4

// causeOpensAt reports a cause cue ("due to", "because") that opens at
// words[j].
func causeOpensAt(words []string, j int) bool {
	return statesCause(strings.Join(words[j:min(j+3, len(words))], " ")) && !statesCause(strings.Join(words[j+1:min(j+3, len(words))], " "))
}

// quoteAnswer is quoteText for an answer of kind t: a window that keeps
// the value asked for (the count, the date, the span of time) wins over
// one that holds more of the question's words, since a quote cut before
// "within six months" no longer answers "how long".
func quoteAnswer(s string, focus []string, t AnswerType) string {
	words := strings.Fields(markerRE.ReplaceAllString(s, ""))
	if len(words) <= maxQuoteWords {
		return strings.Join(words, " ")
	}
	bags := make([]termBag, len(words))
	values := make([]bool, len(words))
	for i, w := range words {
		bags[i] = newTermBag(w)
		switch t {
		case TypeLength: // "six months", not the month a report is dated
			span := tokenTexts(lexicon.Tokens(strings.Join(words[max(i-1, 0):i+1], " ")))
			values[i] = len(span) > 1 && lexicon.IsSpan(span[len(span)-2], span[len(span)-1])
		case TypeCount, TypeAmount, TypeDate, TypeWho, TypePlace:
			values[i] = meetsType(t, strings.Join(words[max(i-1, 0):min(i+2, len(words))], " "))
		case TypeAge: // "26-year-old": the number and the two words after it
			values[i] = meetsType(t, strings.Join(words[max(i-1, 0):min(i+3, len(words))], " "))
		case TypeReason: // "due to the urban combat nature": the cause and the words after it, not the event before it
			values[i] = i >= causeReach && causeOpensAt(words, i-causeReach)
		}
	}
	best, bestN := 0, -1
	for start := 0; start+quoteWords <= len(words); start++ {
		n := 0
		for _, t := range focus {
			if anyHas(bags[start:start+quoteWords], t) {
				n++
			}
		}
		if slices.Contains(values[start:start+quoteWords], true) {
			n += len(focus) + 1
		}
		if n > bestN {
			best, bestN = start, n
		}
	}
	out := strings.Join(words[best:best+quoteWords], " ")
	if best > 0 {
		out = "…" + out
	}
	if best+quoteWords < len(words) {
		out = strings.TrimRight(out, " ,;:") + "…"
	}
	return out
}

// tidySpaces removes the doubled spaces and the spaces before punctuation
// left where markers were dropped, line by line.
func tidySpaces(s string) string {
	lines := strings.Split(s, "\n")
	fence := ""
	for i, l := range lines {
		// Code keeps its spacing.
		if f := fenceAt(l); f != "" && (fence == "" || f[0] == fence[0]) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		body := strings.TrimLeft(l, " \t")
		for strings.Contains(body, "  ") {
			body = strings.ReplaceAll(body, "  ", " ")
		}
		for _, p := range []string{".", ",", ";", ":", "!", "?"} {
			body = strings.ReplaceAll(body, " "+p, p)
		}
		lines[i] = indent + strings.TrimRight(body, " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// NoAnswerToken is what the prompt tells the model to reply when the
// passages do not answer the question.
const NoAnswerToken = "NO_ANSWER"

// A reply holding the token amid more words than this is not the short
// reply the prompt asks for (a model reciting its prompt quotes the token):
// it is judged as an answer.
const maxNoAnswerWords = 25

func isNoAnswer(raw string) bool {
	up := strings.ToUpper(raw)
	return strings.Contains(up, NoAnswerToken) && len(strings.Fields(strings.ReplaceAll(up, NoAnswerToken, " "))) <= maxNoAnswerWords
}

// looksLikeNoAnswer reports whether streamed text so far is, or may become,
// the no-answer token, so partial text does not flash it at readers.
func looksLikeNoAnswer(raw string) bool {
	t := strings.TrimLeft(raw, " \n\t`*_\"'")
	if t == "" {
		return true
	}
	return strings.HasPrefix(NoAnswerToken, strings.ToUpper(t)) || isNoAnswer(t)
}

// partialText is streamed text made safe to show: Slack syntax removed and
// a marker still being written held back.
func partialText(raw string) string {
	t := cleanModelText(raw)
	if i := strings.LastIndexByte(t, '['); i >= 0 && !strings.Contains(t[i:], "]") {
		if strings.Trim(t[i+1:], "0123456789,;- –") == "" {
			t = strings.TrimRight(t[:i], " ")
		}
	}
	return t
}

// Model output is Markdown for readers; these remove what would make it
// something else: Slack control syntax (pings, mentions, channel links),
// Slack-style links, and HTML tags.
var (
	slackControlRE = regexp.MustCompile(`<[!@#][^<>\n]*>`)
	slackLinkRE    = regexp.MustCompile(`<(https?://[^|<>\s]+)\|([^<>\n]*)>`)
	angleURLRE     = regexp.MustCompile(`<(https?://[^<>\s]+)>`)
	htmlBreakRE    = regexp.MustCompile(`(?i)<br\s*/?>`)
	htmlTagRE      = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>`)
	atMentionRE    = regexp.MustCompile(`(^|[\s(])@(channel|here|everyone)\b`)
)

// cleanModelText turns a model's reply into plain Markdown. Code spans
// and fenced blocks are kept as they are: their text is literal in
// Markdown (a `<div>` in code is a tag named, not markup), and the Slack
// edge escapes it like any other text.
func cleanModelText(raw string) string {
	var b strings.Builder
	for _, seg := range splitCode(strings.ReplaceAll(raw, "\r\n", "\n")) {
		if seg.code {
			b.WriteString(seg.text)
		} else {
			b.WriteString(cleanProse(seg.text))
		}
	}
	return tidySpaces(b.String())
}

// codeSegment is a stretch of Markdown that is, or is not, code.
type codeSegment struct {
	text string
	code bool
}

// splitCode cuts Markdown into code (fenced blocks, an unclosed fence
// running to the end; inline spans between equal runs of backticks within
// a paragraph) and the prose around it.
func splitCode(s string) []codeSegment {
	var out []codeSegment
	prose := func(t string) {
		if t != "" {
			out = append(out, codeSegment{text: t})
		}
	}
	from, i := 0, 0
	for i < len(s) {
		lineStart := i == 0 || s[i-1] == '\n'
		if lineStart {
			if fence := fenceAt(s[i:]); fence != "" {
				end := len(s)
				if j := closingFence(s, i, fence); j >= 0 {
					end = j
				}
				prose(s[from:i])
				out = append(out, codeSegment{text: s[i:end], code: true})
				from, i = end, end
				continue
			}
		}
		if s[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < len(s) && s[i+n] == '`' {
			n++
		}
		if j := closingTicks(s, i+n, n); j >= 0 {
			prose(s[from:i])
			out = append(out, codeSegment{text: s[i : j+n], code: true})
			from, i = j+n, j+n
			continue
		}
		i += n
	}
	prose(s[from:])
	return out
}

// fenceAt returns the fence (``` or ~~~, three or more) opening the line s
// starts, or "".
func fenceAt(s string) string {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return t[:n]
}

// closingFence returns the end (after its line) of the fence closing the
// block opened at start, or -1.
func closingFence(s string, start int, fence string) int {
	nl := strings.IndexByte(s[start:], '\n')
	if nl < 0 {
		return -1
	}
	for i := start + nl + 1; i < len(s); {
		end := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if end >= 0 {
			line = s[i : i+end]
		}
		if f := fenceAt(line); f != "" && f[0] == fence[0] && len(f) >= len(fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), f[:1])) == "" {
			if end < 0 {
				return len(s)
			}
			return i + end + 1
		}
		if end < 0 {
			break
		}
		i += end + 1
	}
	return -1
}

// closingTicks returns where a run of exactly n backticks closes a span
// opened before from, within the paragraph, or -1.
func closingTicks(s string, from, n int) int {
	stop := strings.Index(s[from:], "\n\n")
	limit := len(s)
	if stop >= 0 {
		limit = from + stop
	}
	for i := from; i < limit; {
		if s[i] != '`' {
			i++
			continue
		}
		m := 0
		for i+m < limit && s[i+m] == '`' {
			m++
		}
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// cleanProse removes Slack and HTML syntax from Markdown outside code.
func cleanProse(t string) string {
	t = slackLinkRE.ReplaceAllString(t, "[$2]($1)")
	t = angleURLRE.ReplaceAllString(t, "$1")
	t = htmlBreakRE.ReplaceAllString(t, "\n")
	// Until nothing changes: removing "<b>" from "<!chan<b>nel>" must not
	// leave a "<!channel>" behind for the next reader.
	for {
		next := slackControlRE.ReplaceAllString(t, "")
		next = htmlTagRE.ReplaceAllString(next, "")
		next = atMentionRE.ReplaceAllString(next, "$1$2")
		if next == t {
			break
		}
		t = next
	}
	return t
}

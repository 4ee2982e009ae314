package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Errors for input that cannot become a document. Each says what to do.
var (
	ErrEmptyFile = errors.New("empty file")
	ErrBinary    = errors.New("binary file, not text")
	ErrNotUTF8   = errors.New("not UTF-8 text (and not clearly Windows-1252 or Latin-1): convert it to UTF-8, e.g. with iconv -t UTF-8")
)

// decodeText turns the bytes of a text file into UTF-8 text. UTF-8 (with or
// without a byte-order mark) passes through; UTF-16 with a byte-order mark
// and text that clearly is Windows-1252 or Latin-1 are converted; anything
// else is refused rather than guessed, since a wrong guess would store
// garbage that no question can find.
func decodeText(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmptyFile
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", fmt.Errorf("UTF-16 text: %w", err)
		}
		data = out
	}
	if looksBinary(data) {
		return "", ErrBinary
	}
	if utf8.Valid(data) {
		if strings.TrimSpace(string(data)) == "" {
			return "", ErrEmptyFile
		}
		return string(data), nil
	}
	if !clearlyWindows1252(data) {
		return "", ErrNotUTF8
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", ErrNotUTF8
	}
	return string(out), nil
}

// looksBinary reports NUL bytes or a high share of control characters in
// the first 8 KB: what images, archives and executables look like.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	return controls*20 > len(head) // more than 5%
}

// clearlyWindows1252 reports whether invalid UTF-8 reads as Western text in
// Windows-1252 (a superset of Latin-1's printable range): no bytes that
// code page leaves undefined, few high bytes among mostly ASCII letters, and
// high bytes that sit next to letters or stand as punctuation. Text in a
// multi-byte encoding (Shift-JIS, GBK, ...) has far more high bytes.
func clearlyWindows1252(data []byte) bool {
	high, letters := 0, 0
	for _, b := range data {
		switch {
		case b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d:
			return false
		case b >= 0x80:
			high++
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			letters++
		}
	}
	return high > 0 && high*10 <= letters
}

// titleLineMaxWords bounds a first line that may serve as a title: longer
// than a long academic title, shorter than a paragraph.
const titleLineMaxWords = 30

// guessTextTitle finds a title for plain text that came without one. The
// first line is the title when it reads like one: short, not a sentence,
// and set apart by a blank line, followed by a new sentence, or written in
// title case (a wrapped line of prose is none of these). The text is then returned with that line set
// apart as a paragraph of its own, so the title does not run into the first
// sentence. Otherwise the first sentence serves, shortened.
func guessTextTitle(text string) (title, body string) {
	trimmed := strings.TrimLeft(text, " \t\r\n\ufeff")
	first, rest, hasRest := strings.Cut(trimmed, "\n")
	line := strings.Join(strings.Fields(first), " ")
	next, _, _ := strings.Cut(strings.TrimLeft(rest, " \t\r"), "\n")
	blankAfter := strings.TrimSpace(next) == ""
	nextStartsSentence := false
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(next)); unicode.IsUpper(r) {
		nextStartsSentence = true
	}
	// A wrapped line of prose runs on in lower case; a headline is followed
	// by a blank line or a new sentence, or is in title case.
	if hasRest && titleLike(line) && (blankAfter || titleCase(line) || nextStartsSentence) {
		return strings.TrimSpace(strings.TrimLeft(line, "#")), line + "\n\n" + rest
	}
	return firstSentenceTitle(text), text
}

// titleMaxWords is where a title made from a first sentence is cut.
const titleMaxWords = 14

// firstSentenceTitle makes a title of the text's first sentence.
func firstSentenceTitle(text string) string {
	paras := Paragraphs(text)
	if len(paras) == 0 {
		return "Untitled document"
	}
	words := strings.Fields(Sentences(paras[0])[0])
	if len(words) > titleMaxWords {
		return strings.Join(words[:titleMaxWords], " ") + "…"
	}
	return strings.TrimRight(strings.Join(words, " "), ".")
}

// titleLike reports a line that could be a heading: a few words with a
// letter among them, not ending like a sentence or a clause, not web
// boilerplate.
func titleLike(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > titleLineMaxWords || len(line) > 300 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:", last) || isBoilerplate(line) || !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	return len(Sentences(line)) == 1
}

// titleCase reports whether most longer words of a line are capitalised, as
// in "Leadership of the Republic of Kenya in the Multinational Mission".
func titleCase(line string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(line) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			upper++
		}
	}
	return long > 0 && upper*10 >= long*7
}

// Month names for dates written out in English.
const monthPattern = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// datePattern matches one date: 2025-10-08, 2025/10/08, 8 October 2025,
// October 8, 2025 (also with "8th" and abbreviated months).
const datePattern = `(?:(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b|(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPattern + `)\s*,?\s+(\d{4})\b|(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})\b)`

// dateLabels are the words that announce a publication date, best first:
// a date labelled "published" beats one labelled "updated".
var dateLabels = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:publication date|date of publication|date published|published(?: on)?|posted(?: on)?|first published|release date|issued)\s*[:\-–—]?\s*(?:on\s+)?` + datePattern),
	regexp.MustCompile(`(?i)\b(?:date|dated)\s*[:\-–—]\s*` + datePattern),
	regexp.MustCompile(`(?i)\b(?:last modified|last updated|updated(?: on)?|modified(?: on)?)\s*[:\-–—]?\s*(?:on\s+)?` + datePattern),
}

var bareDate = regexp.MustCompile(`(?i)` + datePattern)

// headLines is how far into a text an unlabelled date may stand and still
// be taken for the publication date (a dateline). Further in, a bare date
// is more likely an event the text reports on.
const headLines = 3

// guessPublished finds the publication date of plain text: a labelled date
// anywhere ("Publication Date: 2025-10-08", "Published: 8 October 2025"),
// else a bare date in the first lines. It returns the zero time when the
// text does not say: a date is never invented. Dates after now are refused.
func guessPublished(text string, now time.Time) time.Time {
	for _, re := range dateLabels {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if t, ok := parseDateMatch(m[1:]); ok && plausibleDate(t, now) {
				return t
			}
		}
	}
	lines := 0
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m := bareDate.FindStringSubmatch(line); m != nil {
			if t, ok := parseDateMatch(m[1:]); ok && plausibleDate(t, now) {
				return t
			}
		}
		if lines++; lines >= headLines {
			break
		}
	}
	return time.Time{}
}

func plausibleDate(t, now time.Time) bool {
	return t.Year() >= 1900 && !t.After(now.Add(48*time.Hour))
}

// parseDateMatch reads the groups of datePattern: (y, m, d) numeric, or
// (d, month, y), or (month, d, y).
func parseDateMatch(g []string) (time.Time, bool) {
	var y, d int
	var m time.Month
	switch {
	case g[0] != "":
		y, m, d = atoi(g[0]), time.Month(atoi(g[1])), atoi(g[2])
	case g[3] != "":
		d, m, y = atoi(g[3]), monthNumber(g[4]), atoi(g[5])
	case g[6] != "":
		m, d, y = monthNumber(g[6]), atoi(g[7]), atoi(g[8])
	default:
		return time.Time{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 February rolls over: not a date
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func monthNumber(name string) time.Month {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name[:min(3, len(name))]) {
			return m
		}
	}
	return 0
}

// trailerHeadings start the lists of other articles that pages append
// after the text proper.
var trailerHeadings = map[string]bool{
	"other latest articles": true, "latest articles": true, "related": true, "related articles": true,
	"related posts": true, "related stories": true, "read more": true, "read also": true, "see also": true,
	"you may also like": true, "you might also like": true, "more from": true, "more stories": true,
	"recommended": true, "recommended for you": true, "most read": true, "popular posts": true,
	"trending": true, "more news": true, "latest news": true,
}

// trailerItemMaxWords bounds the lines of a trailing list of links.
const trailerItemMaxWords = 30

// stripTrailer removes a trailing "Other Latest Articles" or "Related"
// section: a heading of that kind in the second half of the text followed
// only by short lines (the headlines of other pages, a "Last modified"
// stamp). Those headlines would otherwise become passages that match
// questions the document does not answer.
func stripTrailer(text string) string {
	lines := strings.Split(text, "\n")
	after := 0
	for i := len(lines) - 1; i > 0; i-- {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if isTrailerHeading(line) {
			before := strings.Join(lines[:i], "\n")
			if n := wordCount(before); n < 30 || n < after {
				return text // too early to be a trailer: leave the text alone
			}
			return strings.TrimRight(before, " \t\r\n") + "\n"
		}
		n := wordCount(line)
		if n > trailerItemMaxWords {
			return text
		}
		after += n
	}
	return text
}

func isTrailerHeading(line string) bool {
	t := strings.ToLower(strings.TrimFunc(line, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	}))
	t = strings.Join(strings.Fields(strings.TrimLeft(t, "#")), " ")
	return trailerHeadings[t]
}

// wordCount counts whitespace-separated words.
func wordCount(s string) int { return len(strings.Fields(s)) }

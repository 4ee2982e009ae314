package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplate holds lines that web pages leave behind and that must never
// become passages. Compared lower-cased with surrounding punctuation trimmed.
var boilerplate = map[string]bool{
	"share": true, "share this": true, "share this article": true, "share on facebook": true,
	"share on twitter": true, "exit mobile version": true, "advertisement": true,
	"skip to content": true, "skip to main content": true, "read more": true, "related": true,
	"related articles": true, "related posts": true, "subscribe": true, "sign up": true,
	"print": true, "email": true, "tweet": true, "facebook": true, "twitter": true,
	"whatsapp": true, "linkedin": true, "comments": true, "leave a comment": true,
	"click to share": true, "continue reading": true, "back to top": true, "menu": true,
	"search": true, "close": true, "loading": true, "copy link": true, "other latest articles": true,
}

// Paragraphs splits text into cleaned paragraphs: blank lines separate them,
// web leftovers are dropped, and whitespace is folded.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		p := strings.Join(cur, " ")
		cur = cur[:0]
		if !IsBoilerplate(p) {
			out = append(out, p)
		}
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			flush()
			continue
		}
		// A markdown heading or list item starts a paragraph of its own.
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
			flush()
			line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
		if IsBoilerplate(line) {
			flush()
			continue
		}
		// "Authors : …", "Page : 366-381", a lone "Abstract": lines of a
		// record, not of prose; glued together they read as one endless
		// sentence.
		if IsFieldLine(line) || (isHeadingLine(line) && startsSentence(lines, i+1)) {
			flush()
			cur = append(cur, line)
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// IsFieldLine reports a "Label: value" line of a record, such as
// "Authors : Sergey Tishkov" or "Page : 366-381": a capitalised label of at
// most three words, then a colon. What it says is about the whole document.
func IsFieldLine(line string) bool {
	label, value, ok := strings.Cut(line, ":")
	label = strings.TrimSpace(label)
	if !ok || strings.TrimSpace(value) == "" || label == "" || strings.HasPrefix(value, "//") {
		return false
	}
	words := strings.Fields(label)
	r, _ := utf8.DecodeRuneInString(label)
	// A record's value is short; "DEVELOPMENT 3: The force ... 2025. On
	// January 22, ..." is prose under a heading, to be read sentence by
	// sentence.
	return len(words) <= 3 && unicode.IsUpper(r) && !strings.ContainsAny(label, ".,;!?()") &&
		len(strings.Fields(value)) <= maxFieldWords && len(Sentences(strings.TrimSpace(value))) <= 1
}

// maxFieldWords bounds the value of a record line.
const maxFieldWords = 30

// startsSentence reports whether lines[i] is blank, missing, or begins with
// a capital: what may follow a heading, unlike the rest of a wrapped line.
func startsSentence(lines []string, i int) bool {
	if i >= len(lines) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(lines[i]))
	return r == utf8.RuneError || !unicode.IsLower(r)
}

// isHeadingLine reports a line of one to three words with no punctuation at
// its end, such as "Abstract" or "Related coverage".
func isHeadingLine(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(first) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// IsBoilerplate reports a line that web pages leave behind ("Share this
// article", "Read more"): never a paragraph of a document.
func IsBoilerplate(line string) bool {
	t := strings.ToLower(strings.TrimFunc(line, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	}))
	if t == "" {
		return true
	}
	return boilerplate[t]
}

// abbreviations end with a period but do not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "gov": true, "sen": true,
	"rep": true, "pres": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"vol": true, "pp": true, "fig": true, "vs": true, "etc": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "jr": true, "sr": true, "e.g": true, "i.e": true, "u.s": true,
	"u.n": true, "u.k": true, "approx": true, "est": true, "art": true, "para": true,
}

// Sentences splits a paragraph into sentences. It is a heuristic tuned for
// news prose: a sentence ends at . ! or ? (optionally followed by closing
// quotes or brackets) when the next word starts with an upper-case letter,
// a digit or an opening quote, and the word before is not an abbreviation
// or a lone initial.
func Sentences(paragraph string) []string {
	words := strings.Fields(paragraph)
	var out []string
	start := 0
	for i, w := range words {
		if i == len(words)-1 {
			break
		}
		if !endsSentence(w) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(words[i+1])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'([", next)) {
			continue
		}
		out = append(out, strings.Join(words[start:i+1], " "))
		start = i + 1
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

func endsSentence(word string) bool {
	core := strings.TrimRight(withoutReferenceMarks(word), "\"”’')]")
	if core == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(core)
	switch last {
	case '!', '?':
		return true
	case '.':
	default:
		return false
	}
	stem := strings.ToLower(strings.TrimSuffix(core, "."))
	stem = strings.TrimLeft(stem, "\"“‘'([")
	if abbreviations[stem] {
		return false
	}
	// A lone initial such as the "S." of "S. Tishkov".
	if utf8.RuneCountInString(stem) == 1 {
		r, _ := utf8.DecodeRuneInString(stem)
		return !unicode.IsLetter(r)
	}
	return true
}

// withoutReferenceMarks strips the reference marks an encyclopedia puts
// after a sentence's stop ("operation.[3]", "prior.[1][2]"), which would
// otherwise join it to the next.
func withoutReferenceMarks(word string) string {
	for strings.HasSuffix(word, "]") {
		open := strings.LastIndexByte(word, '[')
		if open < 0 || open == len(word)-2 || strings.TrimLeft(word[open+1:len(word)-1], "0123456789") != "" {
			break
		}
		word = word[:open]
	}
	return word
}

// SplitSentences splits text (a document or a passage) into its sentences,
// paragraph by paragraph, so a sentence never spans two paragraphs. A record
// line ("Journal: Vestnik RUDN. International Relations") stays whole.
func SplitSentences(text string) []string {
	var out []string
	for _, p := range Paragraphs(text) {
		if IsFieldLine(p) {
			out = append(out, p)
			continue
		}
		out = append(out, Sentences(p)...)
	}
	return out
}

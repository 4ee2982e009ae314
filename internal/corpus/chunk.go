package corpus

import (
	"strings"

	"github.com/mss-brief/briefbot/internal/document"
)

// Chunk sizes in words. A passage is cut only between sentences, so these are
// targets; a single sentence longer than maxWords is the one exception and is
// cut at word boundaries.
const (
	minWords = 150
	maxWords = 400
)

// The document package cuts text into paragraphs and sentences (so that
// what reads passages, above, reads them as they were cut); the corpus cuts
// passages from them under the same names.

// Paragraphs is document.Paragraphs.
func Paragraphs(text string) []string { return document.Paragraphs(text) }

// Sentences is document.Sentences.
func Sentences(paragraph string) []string { return document.Sentences(paragraph) }

// SplitSentences is document.SplitSentences.
func SplitSentences(text string) []string { return document.SplitSentences(text) }

// IsFieldLine is document.IsFieldLine.
func IsFieldLine(line string) bool { return document.IsFieldLine(line) }

func isBoilerplate(line string) bool { return document.IsBoilerplate(line) }

// Chunk cuts text into passages of roughly minWords to maxWords words,
// never inside a sentence, preferring paragraph boundaries.
func Chunk(text string) []string {
	var chunks []string
	var cur []string
	n := 0
	// Pieces join with a blank line between paragraphs, so a passage keeps
	// its paragraphs (record lines such as "Page : 366-381" stay apart) and
	// SplitSentences reads it as it read the document.
	var sep []string // what goes before each piece in cur
	flush := func() {
		if len(cur) > 0 {
			var b strings.Builder
			for i, piece := range cur {
				b.WriteString(sep[i])
				b.WriteString(piece)
			}
			chunks = append(chunks, b.String())
		}
		cur, sep, n = cur[:0], sep[:0], 0
	}
	add := func(s string, words int, newParagraph bool) {
		if n > 0 && n+words > maxWords {
			flush()
		}
		switch {
		case len(cur) == 0:
			sep = append(sep, "")
		case newParagraph:
			sep = append(sep, "\n\n")
		default:
			sep = append(sep, " ")
		}
		cur = append(cur, s)
		n += words
	}
	for _, p := range Paragraphs(text) {
		pw := len(strings.Fields(p))
		// A whole paragraph that fits goes in as one piece; close the chunk at
		// a paragraph boundary once it is long enough.
		if n >= minWords && n+pw > maxWords {
			flush()
		}
		if pw <= maxWords {
			add(p, pw, true)
			continue
		}
		first := true
		for _, s := range Sentences(p) {
			for _, piece := range splitLong(s) {
				add(piece, len(strings.Fields(piece)), first)
				first = false
			}
		}
	}
	flush()
	// A short tail joins the chunk before it when the two still fit.
	if k := len(chunks); k >= 2 {
		tail := len(strings.Fields(chunks[k-1]))
		if tail < minWords/2 && len(strings.Fields(chunks[k-2]))+tail <= maxWords {
			chunks[k-2] += "\n\n" + chunks[k-1]
			chunks = chunks[:k-1]
		}
	}
	return chunks
}

// splitLong cuts a run-on "sentence" (a table, a list without stops, binary
// noise) into pieces of at most maxWords words.
func splitLong(s string) []string {
	words := strings.Fields(s)
	if len(words) <= maxWords {
		return []string{s}
	}
	var out []string
	for len(words) > 0 {
		k := min(maxWords, len(words))
		out = append(out, strings.Join(words[:k], " "))
		words = words[k:]
	}
	return out
}
